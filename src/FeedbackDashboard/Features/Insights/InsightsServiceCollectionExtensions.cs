namespace FeedbackDashboard.Features.Insights;

public static class InsightsServiceCollectionExtensions
{
    /// <summary>The figures and trends read from the daily aggregates.</summary>
    public static IHostApplicationBuilder AddInsights(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<InsightsReader>();
        return builder;
    }
}
