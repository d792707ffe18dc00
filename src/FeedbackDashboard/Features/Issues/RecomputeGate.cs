using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Issues;

/// <summary>What became of a request to recompute the issues.</summary>
public enum RecomputeDecision
{
    /// <summary>A run starts now (in the background, or for the caller waiting on it).</summary>
    Started,

    /// <summary>A run is under way; this request joins it.</summary>
    AlreadyRunning,

    /// <summary>The last run finished less than Clustering:MinSecondsBetweenRuns ago.</summary>
    TooSoon,
}

/// <summary>
/// One run at a time per instance, and at least Clustering:MinSecondsBetweenRuns between the end of a
/// run and the next one asked for (by anyone, waiting or not, through the API or the Issues page):
/// a run takes a core for seconds, so callers cannot keep the CPU busy. The schedule and the run at
/// start are not asked through here.
/// </summary>
public sealed class RecomputeGate(ClusteringStatus status, IOptions<ClusteringOptions> options, TimeProvider time)
{
    private static readonly TimeSpan ClaimExpiry = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private DateTimeOffset? _claimedAt;

    public TimeSpan MinimumGap => TimeSpan.FromSeconds(options.Value.MinSecondsBetweenRuns);

    /// <summary>Decides the request; Started claims the run, so a second caller at the same moment does not also start one.</summary>
    public RecomputeDecision TryStart()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            // Claimed and not finished yet: the worker picks a requested run up a moment later.
            var claimedNotDone = _claimedAt is { } claimed && (status.LastRunAt is not { } done || done < claimed) && now - claimed < ClaimExpiry;
            if (status.Running || claimedNotDone)
            {
                return RecomputeDecision.AlreadyRunning;
            }
            if (status.LastRunAt is { } last && now - last < MinimumGap)
            {
                return RecomputeDecision.TooSoon;
            }
            _claimedAt = now;
            return RecomputeDecision.Started;
        }
    }

    /// <summary>Seconds until a run may be asked for again (at least 1).</summary>
    public int RetryAfterSeconds()
    {
        var until = status.LastRunAt is { } last ? last + MinimumGap - time.GetUtcNow() : TimeSpan.Zero;
        return Math.Max(1, (int)Math.Ceiling(until.TotalSeconds));
    }
}
