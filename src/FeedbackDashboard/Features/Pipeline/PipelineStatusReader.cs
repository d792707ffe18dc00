using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Pipeline;

/// <summary>How far behind the pipeline is: what waits in the database (all instances) and the recent batches of this one.</summary>
public sealed class PipelineStatusReader(
    IDbContextFactory<FeedbackDbContext> contextFactory, PipelineMetrics metrics, PipelineSignal signal,
    IngestFlood flood, Microsoft.Extensions.Options.IOptionsMonitor<PipelineOptions> options, TimeProvider time)
{
    public async Task<PipelineStatus> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pendingFeedback = await db.Feedback.CountAsync(f => f.ProcessedAt == null, cancellationToken);
        var oldest = await db.Feedback.Where(f => f.ProcessedAt == null).OrderBy(f => f.Id).Select(f => (DateTimeOffset?)f.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var pendingInteractions = await db.Interactions.CountAsync(i => i.PatternKey == null, cancellationToken);
        var now = time.GetUtcNow();
        return new PipelineStatus(
            pendingFeedback,
            pendingInteractions,
            oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0,
            metrics.ProcessedTotal,
            metrics.LastBatchAt,
            metrics.LastError,
            metrics.History(),
            signal.Backlog,
            options.CurrentValue.MaxBacklog,
            signal.IsSaturated,
            metrics.GivingWayToIngest ? new IngestFloodStatus(flood.ArrivalsPerSecond, flood.CapacityPerSecond) : null);
    }
}

/// <param name="OldestPendingSeconds">How long the oldest waiting item has waited: the pipeline's lag right now.</param>
/// <param name="InstanceBacklog">Items this instance acknowledged and its pipeline has not processed.</param>
/// <param name="RefusingIngest">At <paramref name="MaxBacklog"/>: ingest answers 503 with Retry-After until the pipeline catches up.</param>
/// <param name="GivingWayToIngest">Set while the pipeline pauses between batches for an ingest flood (<see cref="IngestFlood"/>).</param>
public sealed record PipelineStatus(
    int PendingFeedback,
    int PendingInteractions,
    double OldestPendingSeconds,
    long ProcessedTotal,
    DateTimeOffset? LastBatchAt,
    string? LastError,
    IReadOnlyList<PipelineBatch> RecentBatches,
    long InstanceBacklog = 0,
    int MaxBacklog = 0,
    bool RefusingIngest = false,
    IngestFloodStatus? GivingWayToIngest = null);

/// <param name="ArrivalsPerSecond">Items a second this instance acknowledges.</param>
/// <param name="CapacityPerSecond">Items a second its pipeline gets through when behind.</param>
public sealed record IngestFloodStatus(double ArrivalsPerSecond, double CapacityPerSecond);
