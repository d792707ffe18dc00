namespace FeedbackDashboard.Features.Realtime;

public static class RealtimeServiceCollectionExtensions
{
    public const string RedisConnectionStringName = "Redis";

    /// <summary>SignalR, on the Redis backplane when ConnectionStrings:Redis is set (several instances).</summary>
    public static IHostApplicationBuilder AddFeedbackRealtime(this IHostApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR(options => options.MaximumReceiveMessageSize = 32 * 1024);
        var redis = builder.Configuration.GetConnectionString(RedisConnectionStringName);
        if (!string.IsNullOrWhiteSpace(redis))
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("feedback-dashboard"));
        }
        return builder;
    }
}
