using System.Diagnostics;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Corrections;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Issues;
using FeedbackDashboard.Features.Loop;
using FeedbackDashboard.Features.Patterns;
using FeedbackDashboard.Features.Review;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Pipeline;

/// <summary>
/// What happens to feedback after it was acknowledged, in batches, oldest first: the interactions
/// get their query pattern (embedding the queries), the feedback takes it and is counted in the
/// pattern's aggregates, negative items join their common issue, the triggers run and their tasks
/// are pushed, and the items are marked processed; then new corrections are grouped with their
/// near-identical ones. Every step reads its work from the database, so a restart resumes where it stopped.
/// </summary>
public sealed class FeedbackPipeline(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    PatternAssigner patterns,
    IssueAssigner issues,
    IssueChangeBroadcaster issueChanges,
    CorrectionGrouper corrections,
    AggregateUpdater aggregates,
    HumanFeedbackSystem system,
    PipelineMetrics metrics,
    PipelineSignal signal,
    IngestFlood flood,
    IOptionsMonitor<PipelineOptions> options,
    ILogger<FeedbackPipeline> logger)
{
    private const int MaxAttempts = 3;
    /// <summary>A slow batch (a lock waited for, a cold model) does not stall the pipeline for long.</summary>
    private static readonly TimeSpan MaxFloodPause = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _inFlood;
    private TimeSpan _lastBatchTook;

    /// <summary>Processes batches until nothing is pending. One caller at a time per instance.</summary>
    public async Task<int> ProcessPendingAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var total = 0;
            while (await ProcessBatchWithRetryAsync(clock, cancellationToken) is var count and > 0)
            {
                total += count;
                await GiveWayToIngestAsync(cancellationToken);
            }
            return total;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>During an ingest flood, waits so that the pipeline works only <see cref="PipelineOptions.FloodShare"/> of the time.</summary>
    private async Task GiveWayToIngestAsync(CancellationToken cancellationToken)
    {
        var share = options.CurrentValue.FloodShare;
        var pause = share >= 1 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min((_lastBatchTook * ((1 - share) / share)).Ticks, MaxFloodPause.Ticks));
        var flooded = pause > TimeSpan.Zero && flood.IsFlooded;
        if (flooded != _inFlood)
        {
            _inFlood = flooded;
            if (flooded)
            {
                logger.LogInformation("Feedback arrives at {Arrivals:N0} items/s, more than {Factor} times the {Capacity:N0} items/s the pipeline gets through: it works {Share:P0} of the time until the flood ends",
                    flood.ArrivalsPerSecond, IngestFlood.Factor, flood.CapacityPerSecond, share);
            }
            else
            {
                logger.LogInformation("The ingest flood is over: the pipeline works through its backlog without pausing");
            }
        }
        if (!flooded)
        {
            return;
        }
        var started = Stopwatch.GetTimestamp();
        metrics.GivingWay(true);
        try
        {
            // In steps, so that the pipeline resumes soon after the flood ends.
            while (Stopwatch.GetElapsedTime(started) < pause && flood.IsFlooded)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
        finally
        {
            metrics.GivingWay(false);
        }
    }

    private async Task<int> ProcessBatchWithRetryAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ProcessBatchAsync(clock, cancellationToken);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < MaxAttempts)
            {
                // Another instance made one of the same patterns first: read the patterns again.
                logger.LogDebug(e, "Pattern assignment collided with another writer; retrying the batch");
                patterns.Forget();
            }
        }
    }

    private async Task<int> ProcessBatchAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var batchSize = options.CurrentValue.BatchSize;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        var pending = await db.Feedback.AsNoTracking().Where(f => f.ProcessedAt == null).OrderBy(f => f.Id).Take(batchSize).ToListAsync(cancellationToken);
        var waiting = await WaitingInteractionsAsync(db, pending, batchSize, cancellationToken);
        if (pending.Count == 0 && waiting.Count == 0)
        {
            flood.BatchDone(0, full: false, TimeSpan.Zero);
            // Corrections are grouped once their feedback has its pattern: after everything else.
            return await corrections.GroupPendingAsync(db, cancellationToken);
        }

        using var activity = Operations.Telemetry.Source.StartActivity("pipeline.batch");
        activity?.SetTag("feedback.count", pending.Count);
        activity?.SetTag("interactions.count", waiting.Count);
        var plan = await patterns.PlanAsync(db, waiting, clock.GetUtcNow(), cancellationToken);
        var issuePlan = await issues.PlanAsync(pending, await QueryVectorsAsync(db, pending, plan, cancellationToken), cancellationToken);
        IReadOnlySet<long> grownIssues = new HashSet<long>();
        await db.TransactAsync(async token =>
        {
            await patterns.ApplyAsync(db, plan, token);
            var assigned = await TakePatternsAsync(db, pending, waiting, token);
            await aggregates.AddToPatternsAsync(db, assigned, token);
            grownIssues = await issues.ApplyAsync(db, issuePlan, token);
            return assigned.Count;
        }, cancellationToken);
        if (grownIssues.Count > 0)
        {
            issueChanges.Changed(grownIssues);
        }

        var now = clock.GetUtcNow();
        await system.CheckImprovementTriggersAsync(pending.Where(f => f.PatternKey is not null), now, cancellationToken);

        var ids = pending.Select(f => f.Id).ToList();
        now = clock.GetUtcNow();
        await db.Feedback.Where(f => ids.Contains(f.Id)).ExecuteUpdateAsync(s => s.SetProperty(f => f.ProcessedAt, now), cancellationToken);

        signal.Processed(pending.Count);
        _lastBatchTook = Stopwatch.GetElapsedTime(started);
        flood.BatchDone(pending.Count, full: pending.Count >= batchSize, _lastBatchTook);
        var lags = pending.Select(f => Math.Max(0, (now - f.CreatedAt).TotalMilliseconds)).Order().ToList();
        metrics.Record(new PipelineBatch(now, pending.Count, waiting.Count,
            lags.Count > 0 ? lags[lags.Count / 2] : 0, lags.Count > 0 ? lags[^1] : 0,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds), lags);
        return pending.Count + waiting.Count;
    }

    /// <summary>The question embeddings of the negative items without a comment: the issues match those items by their question.</summary>
    private static async Task<Dictionary<string, float[]>> QueryVectorsAsync(
        FeedbackDbContext db, List<UserFeedback> pending, PatternPlan plan, CancellationToken cancellationToken)
    {
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Interactions.Count; i++)
        {
            vectors[plan.Interactions[i].Id] = plan.Vectors[i];
        }
        var others = pending.Where(f => IssueAssigner.IsNegative(f.Type) && string.IsNullOrWhiteSpace(f.Comment) && !vectors.ContainsKey(f.InteractionId))
            .Select(f => f.InteractionId).Distinct().ToList();
        if (others.Count > 0)
        {
            foreach (var row in await db.Interactions.AsNoTracking().Where(i => others.Contains(i.Id) && i.QueryEmbedding != null)
                         .Select(i => new { i.Id, i.QueryEmbedding }).ToListAsync(cancellationToken))
            {
                vectors[row.Id] = row.QueryEmbedding!;
            }
        }
        return vectors;
    }

    /// <summary>The interactions of the pending feedback that have no pattern yet, then any others recorded on their own.</summary>
    private static async Task<List<Interaction>> WaitingInteractionsAsync(
        FeedbackDbContext db, List<UserFeedback> pending, int batchSize, CancellationToken cancellationToken)
    {
        var ids = pending.Where(f => f.PatternKey is null).Select(f => f.InteractionId).Distinct().ToList();
        // Found by id, their pattern checked here: asked for PatternKey IS NULL too, SQLite went through
        // every waiting interaction's index entry, and a backlog made each batch slower.
        var waiting = (await db.Interactions.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken))
            .Where(i => i.PatternKey is null).ToList();
        if (waiting.Count < batchSize)
        {
            waiting.AddRange(await db.Interactions.AsNoTracking()
                .Where(i => i.PatternKey == null && !ids.Contains(i.Id))
                .OrderBy(i => i.CreatedAt)
                .Take(batchSize - waiting.Count)
                .ToListAsync(cancellationToken));
        }
        return waiting;
    }

    /// <summary>Pending feedback without a pattern takes its interaction's; returns the items that did.</summary>
    private static async Task<List<UserFeedback>> TakePatternsAsync(
        FeedbackDbContext db, List<UserFeedback> pending, List<Interaction> waiting, CancellationToken cancellationToken)
    {
        var keys = waiting.ToDictionary(i => i.Id, i => i.PatternKey);
        var elsewhere = pending.Where(f => f.PatternKey is null && !keys.ContainsKey(f.InteractionId)).Select(f => f.InteractionId).Distinct().ToList();
        if (elsewhere.Count > 0)
        {
            // Assigned by an earlier batch (or another instance) after this feedback was stored.
            foreach (var row in await db.Interactions.AsNoTracking().Where(i => elsewhere.Contains(i.Id)).Select(i => new { i.Id, i.PatternKey }).ToListAsync(cancellationToken))
            {
                keys[row.Id] = row.PatternKey;
            }
        }

        // Only where the item still has no pattern: of two instances taking the same item, one
        // assigns it and counts it in the aggregates, the other reads what was assigned.
        var candidates = pending.Where(f => f.PatternKey is null && keys.GetValueOrDefault(f.InteractionId) is not null).ToList();
        var taken = await PatternRows.AssignFeedbackAsync(db, candidates.Select(f => (f.Id, keys[f.InteractionId]!)).ToList(), cancellationToken);
        var assigned = new List<UserFeedback>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var feedback = candidates[i];
            if (taken[i])
            {
                feedback.PatternKey = keys[feedback.InteractionId];
                assigned.Add(feedback);
            }
            else
            {
                var id = feedback.Id;
                feedback.PatternKey = await db.Feedback.Where(f => f.Id == id).Select(f => f.PatternKey).SingleAsync(cancellationToken);
            }
        }
        return assigned;
    }
}
