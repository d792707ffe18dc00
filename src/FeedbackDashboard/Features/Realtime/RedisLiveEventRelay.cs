using System.Text.Json;
using System.Text.Json.Serialization;
using StackExchange.Redis;

namespace FeedbackDashboard.Features.Realtime;

/// <summary>
/// Several instances: each delivers its own events to its pages at once and publishes them on one
/// Redis channel, to which each instance holds one subscription (not one per page). Own messages
/// coming back are skipped. While Redis is away the pages of this instance stay live, show
/// "reconnecting", and the connection is retried every second.
/// </summary>
public sealed class RedisLiveEventRelay(LiveEvents events, string configuration, ILogger<RedisLiveEventRelay> logger)
    : ILiveEventRelay, IHostedService, IAsyncDisposable
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("feedback-dashboard:pages");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly string _origin = Guid.NewGuid().ToString("N");
    private ConnectionMultiplexer? _redis;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ReconnectRetryPolicy = new LinearRetry(1_000);
        options.ConnectTimeout = 2_000;
        _redis = await ConnectionMultiplexer.ConnectAsync(options);
        _redis.ConnectionFailed += (_, _) => events.SetState(LiveEvents.Reconnecting);
        _redis.ConnectionRestored += (_, _) => events.SetState(_redis.IsConnected ? LiveEvents.Connected : LiveEvents.Reconnecting);
        events.SetState(_redis.IsConnected ? LiveEvents.Connected : LiveEvents.Reconnecting);
        await _redis.GetSubscriber().SubscribeAsync(Channel, (_, message) => Receive(message));
    }

    public Task PublishAsync(LiveEvent live)
    {
        events.Deliver(live);
        if (_redis is { IsConnected: true } redis)
        {
            try
            {
                var message = JsonSerializer.Serialize(new Envelope(_origin, live), Json);
                // Fire and forget: the notifier (and the pipeline behind it) never waits for Redis.
                redis.GetSubscriber().Publish(Channel, message, CommandFlags.FireAndForget);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not publish the live {Event} to the other instances", live.Kind);
            }
        }
        return Task.CompletedTask;
    }

    private void Receive(RedisValue message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(message.ToString(), Json);
            if (envelope is not null && envelope.Origin != _origin)
            {
                events.Deliver(envelope.Event);
            }
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Could not read a live event from another instance");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    private sealed record Envelope(string Origin, LiveEvent Event);
}
