using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>The background pipeline that assigns patterns, groups corrections and runs the triggers.</summary>
    public static IHostApplicationBuilder AddPipeline(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<PipelineSignal>();
        services.AddSingleton<PipelineMetrics>();
        services.AddSingleton<IngestFlood>();
        services.AddSingleton<FeedbackPipeline>();
        services.AddSingleton<PipelineStatusReader>();
        services.AddHostedService<FeedbackPipelineWorker>();
        services.AddHealthChecks().AddCheck<PipelineHealthCheck>("pipeline", tags: ["ready"]);
        return builder;
    }
}
