namespace FeedbackDashboard.Features.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>Storing feedback and interactions, and the daily aggregates kept as they are written.</summary>
    public static IHostApplicationBuilder AddFeedback(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<InteractionFactory>();
        services.AddSingleton<AggregateUpdater>();
        services.AddSingleton<FeedbackWriter>();
        services.AddSingleton<InteractionStore>();
        services.AddSingleton<InteractionQueries>();
        services.AddSingleton<FeedbackSearch>();
        return builder;
    }
}
