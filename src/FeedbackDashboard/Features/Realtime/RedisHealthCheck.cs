using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace FeedbackDashboard.Features.Realtime;

/// <summary>
/// Whether the Redis backplane answers. Without it pushes stay on their instance, but ingest and
/// every page keep working, so it reports Degraded, never Unhealthy: an instance is not taken out
/// of the load balancer for it.
/// </summary>
public sealed class RedisHealthCheck(string configuration) : IHealthCheck, IDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() =>
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2_000;
        // As the backplane: try every second, so readiness turns healthy about a second after Redis returns.
        options.ReconnectRetryPolicy = new LinearRetry(1_000);
        return ConnectionMultiplexer.ConnectAsync(options);
    });

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await _connection.Value;
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"Redis answers in {latency.TotalMilliseconds:0.0} ms.");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis does not answer: pushes reach only the reviewers connected to this instance.", e);
        }
    }

    public void Dispose()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            _connection.Value.Result.Dispose();
        }
    }
}
