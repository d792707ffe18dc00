namespace FeedbackDashboard.Features.Changes;

public static class ChangesServiceCollectionExtensions
{
    /// <summary>Changes: every publish recorded, judged by the feedback before and after it (ADR-014), listed and announced.</summary>
    public static IHostApplicationBuilder AddChanges(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ChangeOptions>().BindConfiguration(ChangeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChangeSignal>();
        services.AddSingleton<ChangeRecorder>();
        services.AddSingleton<ChangeJudge>();
        services.AddSingleton<ChangeVerdicts>();
        services.AddSingleton<ChangeQueries>();
        services.AddHostedService<ChangeVerdictWorker>();
        return builder;
    }
}
