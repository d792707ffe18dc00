using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FeedbackDashboard.Features.Realtime;

public static class RealtimeServiceCollectionExtensions
{
    public const string RedisConnectionStringName = "Redis";

    /// <summary>The hub for external clients and the live events of the pages; across instances through Redis when ConnectionStrings:Redis is set.</summary>
    public static IHostApplicationBuilder AddRealtime(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReviewNotifier>();
        builder.Services.AddSingleton<LiveEvents>();
        var signalR = builder.Services.AddSignalR(options => options.MaximumReceiveMessageSize = 32 * 1024);
        var redis = builder.Configuration.GetConnectionString(RedisConnectionStringName);
        if (!string.IsNullOrWhiteSpace(redis))
        {
            signalR.AddStackExchangeRedis(redis, options =>
            {
                options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("feedback-dashboard");
                // Start, and keep serving, while Redis is down; reconnect when it is back.
                options.Configuration.AbortOnConnectFail = false;
                // Try again every second rather than backing off exponentially: pushes between instances
                // resume within about a second of Redis returning.
                options.Configuration.ReconnectRetryPolicy = new StackExchange.Redis.LinearRetry(1_000);
                options.Configuration.ConnectTimeout = 2_000;
            });
            builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<RedisLiveEventRelay>(sp, redis));
            builder.Services.AddSingleton<ILiveEventRelay>(sp => sp.GetRequiredService<RedisLiveEventRelay>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisLiveEventRelay>());
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration("redis", _ => new RedisHealthCheck(redis), HealthStatus.Degraded, ["ready"]));
        }
        else
        {
            builder.Services.AddSingleton<ILiveEventRelay, InProcessLiveEventRelay>();
        }
        return builder;
    }
}
