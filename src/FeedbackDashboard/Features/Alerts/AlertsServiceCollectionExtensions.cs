namespace FeedbackDashboard.Features.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>Alerts: admins' rules over the feedback, evaluated as it arrives, announced by webhook and on the dashboard.</summary>
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AlertReader>();
        services.AddSingleton<AlertEvaluator>();
        services.AddSingleton<AlertRules>();
        services.AddSingleton<AlertWorker>();
        services.AddHostedService(sp =>
        {
            var worker = sp.GetRequiredService<AlertWorker>();
            sp.GetRequiredService<AlertRules>().Edited += worker.Wake;
            return worker;
        });
        return builder;
    }
}
