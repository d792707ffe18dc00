using FeedbackDashboard.Core.Patterns;
using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>Semantic query patterns and the background pipeline that assigns them and runs the triggers.</summary>
    public static IHostApplicationBuilder AddFeedbackPipeline(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PatternOptions>().BindConfiguration(PatternOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.AddLocalEmbeddings();
        services.AddSingleton<PipelineSignal>();
        services.AddSingleton<PipelineMetrics>();
        services.AddSingleton<PatternAssigner>();
        services.AddSingleton<Corrections.CorrectionGrouper>();
        services.AddSingleton<FeedbackPipeline>();
        services.AddSingleton<PipelineStatusReader>();
        services.AddHostedService<FeedbackPipelineWorker>();
        services.AddHealthChecks().AddCheck<PipelineHealthCheck>("pipeline", tags: ["ready"]);
        return builder;
    }
}
