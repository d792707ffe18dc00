using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Issues;

public static class IssuesServiceCollectionExtensions
{
    /// <summary>Common issues: their reads, and the clustering that runs in the background, on the app's local embeddings.</summary>
    public static IHostApplicationBuilder AddIssues(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ClusteringOptions>().BindConfiguration(ClusteringOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddLocalEmbeddings();
        services.AddSingleton<IssueQueries>();
        services.AddSingleton<ClusteringStatus>();
        services.AddSingleton<RecomputeGate>();
        services.AddSingleton<IssueChangeBroadcaster>();
        services.AddSingleton<IssueAssigner>();
        services.AddSingleton<IssueClusteringService>();
        services.AddSingleton<IssueClusteringWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<IssueClusteringWorker>());
        return builder;
    }
}
