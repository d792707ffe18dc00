namespace FeedbackDashboard.Features.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>The feedback API's group commit.</summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<GroupCommit>();
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommit>());
        return builder;
    }
}
