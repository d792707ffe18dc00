using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FeedbackDashboard.Features.Pipeline;

/// <summary>Degraded when the pipeline is more than <see cref="MaxLagSeconds"/> behind: feedback is stored, but tasks come late.</summary>
public sealed class PipelineHealthCheck(PipelineStatusReader reader) : IHealthCheck
{
    public const double MaxLagSeconds = 30;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await reader.ReadAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["pendingFeedback"] = status.PendingFeedback, ["behindSeconds"] = Math.Round(status.OldestPendingSeconds, 1) };
        return status.OldestPendingSeconds > MaxLagSeconds
            ? HealthCheckResult.Degraded($"The pipeline is {status.OldestPendingSeconds:0} s behind ({status.PendingFeedback} items waiting).", data: data)
            : HealthCheckResult.Healthy($"{status.PendingFeedback} items waiting, {status.OldestPendingSeconds:0.0} s behind.", data);
    }
}
