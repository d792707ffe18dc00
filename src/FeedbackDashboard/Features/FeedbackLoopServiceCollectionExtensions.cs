using FeedbackDashboard.Core.Triggers;
using FeedbackDashboard.Features.Admin;
using FeedbackDashboard.Features.Audit;
using FeedbackDashboard.Features.Corrections;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Ingestion;
using FeedbackDashboard.Features.Insights;
using FeedbackDashboard.Features.Knowledge;
using FeedbackDashboard.Features.Loop;
using FeedbackDashboard.Features.Realtime;
using FeedbackDashboard.Features.Review;
using FeedbackDashboard.Features.Shared;
using FeedbackDashboard.Features.Webhooks;

namespace FeedbackDashboard.Features;

public static class FeedbackLoopServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddFeedbackLoop(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TriggerOptions>()
            .BindConfiguration(TriggerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<InteractionFactory>();
        services.AddSingleton<AggregateUpdater>();
        services.AddSingleton<FeedbackWriter>();
        services.AddSingleton<GroupCommit>();
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommit>());
        services.AddOptions<Core.Review.ReviewOptions>().BindConfiguration(Core.Review.ReviewOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TaskHealthReader>();
        services.AddSingleton<TaskSeverityRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<TaskSeverityRefresher>());
        services.AddSingleton<ReviewTaskTrigger>();
        services.AddSingleton<ImprovementTriggers>();
        services.AddSingleton<InsightsReader>();
        services.AddSingleton<IssueQueries>();
        services.AddSingleton<ReviewTaskQueries>();
        services.AddSingleton<FeedbackQueries>();
        services.AddSingleton<TriggerSettingsStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ReviewNotifier>();
        services.AddSingleton<ReviewActions>();
        services.AddSingleton<ReviewerDirectory>();
        services.AddSingleton<AuditQueries>();
        services.AddSingleton<Scaling.LeaseStore>();
        services.AddOptions<Scaling.RetentionOptions>().BindConfiguration(Scaling.RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Scaling.RetentionWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Scaling.RetentionWorker>());
        services.AddSingleton<CorrectionQueries>();
        services.AddSingleton<CorrectionActions>();
        services.AddSingleton<KnowledgeBase>();
        services.AddSingleton<KnowledgeQueries>();
        services.AddSingleton<Instructions>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookRegistry>();
        services.AddHostedService<WebhookDeliveryWorker>();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
        services.AddHttpClient(WebhookDeliveryWorker.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(10);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("FeedbackDashboard-Webhooks/1.0");
        }).ConfigurePrimaryHttpMessageHandler(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<WebhookOptions>>();
            return new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = WebhookTargets.Connect(() => options.CurrentValue.AllowPrivateTargets),
            };
        });
        services.AddSingleton<InteractionStore>();
        services.AddSingleton<HumanFeedbackSystem>();
        services.AddSingleton<WriteHealth>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]).AddCheck<WriteHealth>("writes", tags: ["ready"]);
        return builder;
    }
}
