using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Client;

/// <summary>Registration of the client for applications that use Microsoft.Extensions.DependencyInjection.</summary>
public static class FeedbackClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IFeedbackClient"/> as a singleton over a named HttpClient from IHttpClientFactory,
    /// with options from the "FeedbackDashboard" configuration section (BaseUrl, ApiKey, ...), then
    /// <paramref name="configure"/>. On host shutdown it sends what is still queued.
    /// </summary>
    public static IHttpClientBuilder AddFeedbackDashboardClient(this IServiceCollection services, Action<FeedbackClientOptions>? configure = null)
    {
        var options = services.AddOptions<FeedbackClientOptions>().BindConfiguration(FeedbackClientOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.AddSingleton<IFeedbackClient>(sp => new FeedbackClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(FeedbackClient)),
            sp.GetRequiredService<IOptions<FeedbackClientOptions>>().Value,
            sp.GetService<ILoggerFactory>()?.CreateLogger<FeedbackClient>()));
        services.AddHostedService<FlushOnShutdown>();
        return services.AddHttpClient(nameof(FeedbackClient));
    }

    /// <summary>Flushes while the host stops, before the container disposes the client and its HttpClient.</summary>
    private sealed class FlushOnShutdown(IFeedbackClient client) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => client.FlushAsync(cancellationToken);
    }
}
