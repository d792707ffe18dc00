using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>Running in production: health checks, telemetry, leases between instances, retention, a graceful stop.</summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<WriteHealth>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]).AddCheck<WriteHealth>("writes", tags: ["ready"]);
        services.AddSingleton<LeaseStore>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionWorker>());
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30)); // in-flight batches finish
        builder.AddTelemetry();
        return builder;
    }
}
