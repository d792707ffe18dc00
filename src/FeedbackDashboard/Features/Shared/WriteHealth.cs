using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FeedbackDashboard.Features.Shared;

/// <summary>
/// Whether this instance can store what it is sent. The database can answer reads while every write
/// fails (a full disk, a read-only file, a lock held too long): then readiness says Unhealthy, from
/// the first write refused with 503 until a write succeeds again or <see cref="Memory"/> passes (so
/// an instance a load balancer took out of rotation is tried again).
/// </summary>
public sealed class WriteHealth(TimeProvider time) : IHealthCheck
{
    public static readonly TimeSpan Memory = TimeSpan.FromSeconds(30);

    private long _lastFailureTicks;
    private long _lastSuccessTicks;

    public void Failed() => Interlocked.Exchange(ref _lastFailureTicks, time.GetUtcNow().UtcTicks);

    public void Succeeded()
    {
        if (Interlocked.Read(ref _lastFailureTicks) != 0)
        {
            Interlocked.Exchange(ref _lastSuccessTicks, time.GetUtcNow().UtcTicks);
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failed = Interlocked.Read(ref _lastFailureTicks);
        var failing = failed > Interlocked.Read(ref _lastSuccessTicks) && time.GetUtcNow().UtcTicks - failed < Memory.Ticks;
        return Task.FromResult(failing
            ? HealthCheckResult.Unhealthy("Writes fail: the last write was refused (503) and none has succeeded since.")
            : HealthCheckResult.Healthy("Writes succeed."));
    }
}
