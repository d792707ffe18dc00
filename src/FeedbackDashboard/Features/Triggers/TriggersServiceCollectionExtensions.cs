using FeedbackDashboard.Core.Triggers;

namespace FeedbackDashboard.Features.Triggers;

public static class TriggersServiceCollectionExtensions
{
    /// <summary>The review trigger: its options (configured, then as an admin saved them) and the rule that opens tasks.</summary>
    public static IHostApplicationBuilder AddTriggers(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TriggerOptions>().BindConfiguration(TriggerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TriggerSettingsStore>();
        services.AddSingleton<ITriggerOptionsSource>(sp => sp.GetRequiredService<TriggerSettingsStore>());
        services.AddSingleton<ReviewTaskTrigger>();
        services.AddSingleton<ImprovementTriggers>();
        return builder;
    }
}
