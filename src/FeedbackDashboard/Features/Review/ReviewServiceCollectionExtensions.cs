using FeedbackDashboard.Core.Review;

namespace FeedbackDashboard.Features.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>The review queue: its reads, the reviewers' actions, and the severity kept current in the background.</summary>
    public static IHostApplicationBuilder AddReview(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TaskHealthReader>();
        services.AddSingleton<TaskSeverityRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<TaskSeverityRefresher>());
        services.AddSingleton<ReviewTaskQueries>();
        services.AddSingleton<ReviewActions>();
        services.AddSingleton<ReviewerDirectory>();
        return builder;
    }
}
