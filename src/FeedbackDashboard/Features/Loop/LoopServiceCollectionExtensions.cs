namespace FeedbackDashboard.Features.Loop;

public static class LoopServiceCollectionExtensions
{
    /// <summary>HumanFeedbackSystem: the loop's one entry, for ingestion, the pipeline and the demo.</summary>
    public static IHostApplicationBuilder AddLoop(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HumanFeedbackSystem>();
        return builder;
    }
}
