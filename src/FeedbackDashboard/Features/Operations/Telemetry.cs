using System.Diagnostics;
using System.Diagnostics.Metrics;
using FeedbackDashboard.Features.Pipeline;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FeedbackDashboard.Features.Operations;

/// <summary>
/// The app's own instruments (feedback ingested, tasks raised, push latency; the pipeline's lag in
/// <see cref="PipelineMetrics"/>) and traces, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT
/// is set (the standard OpenTelemetry variable; also OTEL_SERVICE_NAME and the rest).
/// </summary>
public sealed class Telemetry : IDisposable
{
    public const string MeterName = "FeedbackDashboard";
    public static readonly ActivitySource Source = new("FeedbackDashboard");

    private readonly Meter _meter;

    public Telemetry(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        FeedbackIngested = _meter.CreateCounter<long>("feedback.ingested", "{item}", "Feedback items stored (acknowledged).");
        TasksRaised = _meter.CreateCounter<long>("review_tasks.raised", "{task}", "Review tasks opened by the trigger.");
        PushLatency = _meter.CreateHistogram<double>("review_tasks.push_latency", "ms",
            "From the commit of the feedback that raised a task to the push of ReviewTaskCreated.");
    }

    public Counter<long> FeedbackIngested { get; }
    public Counter<long> TasksRaised { get; }
    public Histogram<double> PushLatency { get; }

    public void Dispose() => _meter.Dispose();
}

public static class TelemetryServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Telemetry>();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "feedback-dashboard"))
            .WithMetrics(metrics => metrics
                .AddMeter(Telemetry.MeterName, PipelineMetrics.MeterName)
                .AddAspNetCoreInstrumentation())
            .WithTracing(tracing => tracing
                .AddSource(Telemetry.Source.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health")));
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }
        return builder;
    }
}
