using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>Webhooks: the registry, the transactional outbox and the worker that delivers, signed and retried.</summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookRegistry>();
        services.AddHostedService<WebhookDeliveryWorker>();
        services.AddHttpClient(WebhookDeliveryWorker.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(10);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("FeedbackDashboard-Webhooks/1.0");
        }).ConfigurePrimaryHttpMessageHandler(sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<WebhookOptions>>();
            return new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = WebhookTargets.Connect(() => options.CurrentValue.AllowPrivateTargets),
            };
        });
        return builder;
    }
}
