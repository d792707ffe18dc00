using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Core.Triggers;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Audit;
using FeedbackDashboard.Features.Review;
using FeedbackDashboard.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Triggers;

/// <summary>
/// The database side of the trigger: reads a pattern's window, opens a task or adds the new
/// feedback to the pattern's active one. Safe when several requests (or instances) evaluate
/// the same pattern at once: the unique index on active tasks decides, the loser joins.
/// </summary>
public sealed class ReviewTaskTrigger(IDbContextFactory<FeedbackDbContext> contextFactory, AuditLog audit, TaskHealthReader health, WebhookOutbox outbox)
{
    private const int MaxAttempts = 5;

    public async Task<TriggerResult> EvaluateAsync(UserFeedback feedback, TriggerOptions options, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await EvaluateUntilChangeAsync([feedback], options, now, cancellationToken)).Result;

    /// <summary>
    /// Checks items of one pattern oldest first, as if each arrived on its own, until one opens a task
    /// or joins the active one: with one read of the pattern's window for all of them (a batch's items
    /// of a pattern were a transaction and three queries each). Returns how many it checked and the
    /// last one's result; the caller joins the rest to the task.
    /// </summary>
    public Task<(int Checked, TriggerResult Result)> EvaluateUntilChangeAsync(
        IReadOnlyList<UserFeedback> items, TriggerOptions options, DateTimeOffset now, CancellationToken cancellationToken) =>
        RetryOnConflictAsync(() => TryEvaluateUntilChangeAsync(items, options, now, cancellationToken));

    private async Task<(int Checked, TriggerResult Result)> TryEvaluateUntilChangeAsync(
        IReadOnlyList<UserFeedback> items, TriggerOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = items[0];
        var patternKey = first.PatternKey
            ?? throw new InvalidOperationException($"Feedback {first.Id} has no pattern yet; the pipeline assigns it before the trigger runs.");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        var active = await db.ReviewTasks.SingleOrDefaultAsync(t => t.ActivePatternKey == patternKey, cancellationToken);
        if (active is not null)
        {
            return (1, await JoinAsync(db, active, [first], options, now, cancellationToken));
        }

        // A closed task's feedback does not count again: the window starts after it.
        var after = await db.ReviewTasks
            .Where(t => t.PatternKey == patternKey)
            .MaxAsync(t => (long?)t.LastFeedbackId, cancellationToken) ?? 0;
        var (fired, evaluation, window) = await FirstFiringAsync(db, patternKey, after, items, options, cancellationToken);
        if (fired < 0)
        {
            return (items.Count, new TriggerResult(evaluation, null, TriggerOutcome.None));
        }
        var task = await TriggerReviewAsync(db, patternKey, items[fired], window, evaluation, options, now, cancellationToken);
        outbox.Wake();
        return (fired + 1, new TriggerResult(evaluation, task, TriggerOutcome.Raised));
    }

    /// <summary>
    /// For a batch's patterns that have no active task: what <see cref="EvaluateUntilChangeAsync"/> does,
    /// in one context with the last closed tasks read for all at once, for the patterns where no item
    /// fires (most of them: they were a context and three reads each). Returns those patterns' results;
    /// a pattern where an item fires, or that has an active task by now, is the caller's to take on its own.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, TriggerResult>> EvaluateQuietAsync(
        IReadOnlyList<IGrouping<string, UserFeedback>> patterns, TriggerOptions options, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, TriggerResult>(StringComparer.Ordinal);
        if (patterns.Count == 0)
        {
            return results;
        }
        var keys = patterns.Select(p => p.Key).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var active = (await db.ReviewTasks.Where(t => t.ActivePatternKey != null && keys.Contains(t.ActivePatternKey))
            .Select(t => t.ActivePatternKey!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var lastClosed = await db.ReviewTasks.Where(t => keys.Contains(t.PatternKey))
            .GroupBy(t => t.PatternKey)
            .Select(g => new { g.Key, Last = g.Max(t => t.LastFeedbackId) })
            .ToDictionaryAsync(x => x.Key, x => x.Last, StringComparer.Ordinal, cancellationToken);
        foreach (var pattern in patterns.Where(p => !active.Contains(p.Key)))
        {
            var items = pattern.OrderBy(f => f.Id).ToList();
            var (fired, evaluation, _) = await FirstFiringAsync(db, pattern.Key, lastClosed.GetValueOrDefault(pattern.Key), items, options, cancellationToken);
            if (fired < 0)
            {
                results[pattern.Key] = new TriggerResult(evaluation, null, TriggerOutcome.None);
            }
        }
        return results;
    }

    /// <summary>
    /// Evaluates the items oldest first, each on its window of the pattern's last items (itself included),
    /// with one read for all of them: the first that fires, its evaluation and window; -1 and the last
    /// item's evaluation when none does.
    /// </summary>
    private static async Task<(int Fired, TriggerEvaluation Evaluation, List<UserFeedback> Window)> FirstFiringAsync(
        FeedbackDbContext db, string patternKey, long after, IReadOnlyList<UserFeedback> items, TriggerOptions options, CancellationToken cancellationToken)
    {
        var limit = options.WindowSize + items.Count;
        var newest = await WindowAsync(db, patternKey, after, items[^1].Id, limit, cancellationToken);
        TriggerEvaluation? last = null;
        List<UserFeedback> window = [];
        for (var k = 0; k < items.Count; k++)
        {
            window = newest.Where(f => f.Id <= items[k].Id).Take(options.WindowSize).ToList();
            if (window.Count < options.WindowSize && newest.Count == limit)
            {
                // Other items of the pattern fell between this batch's: read this one's window on its own.
                window = await WindowAsync(db, patternKey, after, items[k].Id, options.WindowSize, cancellationToken);
            }
            last = TriggerRule.Evaluate(window.Select(FeedbackSignal.From), options);
            if (last.Fires)
            {
                return (k, last, window);
            }
        }
        return (-1, last!, window);
    }

    /// <summary>The pattern's newest items up to <paramref name="upTo"/> since its last closed task, newest first.</summary>
    private static Task<List<UserFeedback>> WindowAsync(
        FeedbackDbContext db, string patternKey, long after, long upTo, int count, CancellationToken cancellationToken) =>
        db.Feedback.AsNoTracking()
            .Where(f => f.PatternKey == patternKey && f.Id <= upTo && f.Id > after)
            .OrderByDescending(f => f.Id)
            .Take(count)
            .ToListAsync(cancellationToken);

    /// <summary>Opens a review task on the window that fired: the design's trigger_review.</summary>
    private async Task<ReviewTask> TriggerReviewAsync(
        FeedbackDbContext db, string patternKey, UserFeedback trigger, IReadOnlyList<UserFeedback> window, TriggerEvaluation evaluation,
        TriggerOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One transaction for the task and its audit entry: one commit (one sync of the log) on the push's path, not two.
        return await db.TransactAsync(async token =>
        {
            var pattern = await db.QueryPatterns.FindAsync([patternKey], token);
            var task = new ReviewTask
            {
                PatternKey = patternKey,
                Source = trigger.Source,
                ActivePatternKey = patternKey,
                RepresentativeQuery = pattern?.RepresentativeQuery ?? patternKey,
                SuggestedAction = "",
                TriggerFeedbackId = trigger.Id,
                RelatedCount = evaluation.WindowCount,
                NegativeCount = evaluation.NegativeCount,
                CorrectionCount = window.Count(f => f.Type == FeedbackType.Correction),
                LastFeedbackId = trigger.Id,
                CreatedAt = now,
                UpdatedAt = now,
            };
            task.ApplyPolicy();
            task.ApplyHealth(await health.AssessAsync(db, task, options, token));
            task.RelatedFeedback.AddRange(window.Select(f => new ReviewTaskFeedback { FeedbackId = f.Id, IsTrigger = f.Id == trigger.Id }));
            db.ReviewTasks.Add(task);
            await db.SaveChangesAsync(token);

            audit.Record(db, AuditLog.SystemActor, ReviewAudit.Raised, ReviewAudit.Subject(task.Id), after: new
            {
                task.PatternKey, task.Priority, task.SuggestedAction, evaluation.NegativeCount, evaluation.WindowCount, triggerFeedbackId = trigger.ClientId,
            });
            await outbox.EnqueueAsync(db, WebhookEvents.ReviewTaskCreated,
                new
                {
                    task = new
                    {
                        task.Id, task.PatternKey, task.RepresentativeQuery, priority = task.Priority.ToWire(), task.SuggestedAction, task.Source,
                        task.NegativeCount, task.RelatedCount, task.Severity,
                    },
                },
                $"Review task #{task.Id} ({task.Priority.ToWire()}): {task.NegativeCount} of {task.RelatedCount} recent answers to \"{task.RepresentativeQuery}\" were judged negative. {task.SuggestedAction}.",
                now, token);
            await db.SaveChangesAsync(token);
            return task;
        }, cancellationToken);
    }

    /// <summary>
    /// Adds a batch's items of one pattern to the pattern's active task in one write, as if each had
    /// joined on its own: the items it already holds are skipped. Null when the pattern has no active
    /// task (it was closed meanwhile): the caller then checks the items one by one.
    /// </summary>
    public Task<TriggerResult?> JoinManyAsync(
        string patternKey, IReadOnlyList<UserFeedback> items, TriggerOptions options, DateTimeOffset now, CancellationToken cancellationToken) =>
        RetryOnConflictAsync<TriggerResult?>(async () =>
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var task = await db.ReviewTasks.SingleOrDefaultAsync(t => t.ActivePatternKey == patternKey, cancellationToken);
            return task is null ? null : await JoinAsync(db, task, items, options, now, cancellationToken);
        });

    /// <summary>Adds the items the task does not hold yet, and its fresh severity, in one write; None when it held them all.</summary>
    private async Task<TriggerResult> JoinAsync(
        FeedbackDbContext db, ReviewTask task, IReadOnlyList<UserFeedback> items, TriggerOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = items.Select(f => f.Id).ToList();
        var held = await db.ReviewTaskFeedback.Where(r => r.ReviewTaskId == task.Id && ids.Contains(r.FeedbackId))
            .Select(r => r.FeedbackId).ToListAsync(cancellationToken);
        var result = Add(db, task, items.Where(f => !held.Contains(f.Id)).ToList(), options, now);
        if (result.Outcome == TriggerOutcome.Joined)
        {
            task.ApplyHealth(await health.AssessAsync(db, task, options, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
        }
        return result;
    }

    /// <summary>
    /// For every pattern of a batch that has an active task, its items join that task: what
    /// <see cref="EvaluateUntilChangeAsync"/> and <see cref="JoinManyAsync"/> do for such a pattern, with
    /// the reads shared and one write for all (a batch of mixed traffic touches a few hundred patterns,
    /// most with a task: they were a context, four reads and a write each). Returns each such pattern's
    /// result; the other patterns are the caller's to evaluate. Empty when another writer changed one of
    /// the tasks meanwhile: the caller then goes pattern by pattern, reading afresh.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, TriggerResult>> JoinActiveAsync(
        IReadOnlyList<IGrouping<string, UserFeedback>> patterns, TriggerOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keys = patterns.Select(p => p.Key).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var active = await db.ReviewTasks.Where(t => t.ActivePatternKey != null && keys.Contains(t.ActivePatternKey)).ToListAsync(cancellationToken);
        if (active.Count == 0)
        {
            return new Dictionary<string, TriggerResult>();
        }
        var byPattern = active.ToDictionary(t => t.ActivePatternKey!, StringComparer.Ordinal);
        var taskIds = active.Select(t => t.Id).ToList();
        var itemIds = patterns.Where(p => byPattern.ContainsKey(p.Key)).SelectMany(p => p).Select(f => f.Id).ToList();
        var held = (await db.ReviewTaskFeedback.Where(r => taskIds.Contains(r.ReviewTaskId) && itemIds.Contains(r.FeedbackId))
                .Select(r => new { r.ReviewTaskId, r.FeedbackId }).ToListAsync(cancellationToken))
            .Select(r => (r.ReviewTaskId, r.FeedbackId)).ToHashSet();
        var results = new Dictionary<string, TriggerResult>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            if (byPattern.TryGetValue(pattern.Key, out var task))
            {
                var fresh = pattern.OrderBy(f => f.Id).Where(f => !held.Contains((task.Id, f.Id))).ToList();
                results[pattern.Key] = Add(db, task, fresh, options, now);
            }
        }
        var grown = results.Values.Where(r => r.Outcome == TriggerOutcome.Joined).Select(r => r.Task!).ToList();
        var assessments = await health.AssessManyAsync(db, grown, options, cancellationToken);
        for (var i = 0; i < grown.Count; i++)
        {
            grown[i].ApplyHealth(assessments[i]);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            // Another writer changed a task or added one of the items first: the caller reads afresh, pattern by pattern.
            return new Dictionary<string, TriggerResult>();
        }
        return results;
    }

    /// <summary>Adds fresh items to the task in the context (unsaved), with its new counts; the caller brings its severity up to date.</summary>
    private static TriggerResult Add(FeedbackDbContext db, ReviewTask task, IReadOnlyList<UserFeedback> fresh, TriggerOptions options, DateTimeOffset now)
    {
        foreach (var feedback in fresh)
        {
            db.ReviewTaskFeedback.Add(new ReviewTaskFeedback { ReviewTaskId = task.Id, FeedbackId = feedback.Id });
            task.RelatedCount++;
            task.NegativeCount += FeedbackSignal.From(feedback).IsNegative(options) ? 1 : 0;
            task.CorrectionCount += feedback.Type == FeedbackType.Correction ? 1 : 0;
            task.LastFeedbackId = Math.Max(task.LastFeedbackId, feedback.Id);
        }
        if (fresh.Count > 0)
        {
            task.UpdatedAt = now;
            task.Version = Guid.NewGuid();
            task.ApplyPolicy();
        }
        var evaluation = new TriggerEvaluation(task.RelatedCount, task.NegativeCount, Fires: false);
        return new TriggerResult(evaluation, task, fresh.Count > 0 ? TriggerOutcome.Joined : TriggerOutcome.None);
    }

    /// <summary>Runs the attempt again when another writer opened or changed the pattern's task meanwhile: it reads afresh.</summary>
    private static async Task<T> RetryOnConflictAsync<T>(Func<Task<T>> attempt)
    {
        for (var n = 1; ; n++)
        {
            try
            {
                return await attempt();
            }
            catch (DbUpdateException e) when (n < MaxAttempts && (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e)))
            {
            }
        }
    }
}

public enum TriggerOutcome
{
    /// <summary>Nothing changed: the rule did not fire and no task was active.</summary>
    None,
    /// <summary>A new review task was opened.</summary>
    Raised,
    /// <summary>The feedback was added to the pattern's active task.</summary>
    Joined,
}

public sealed record TriggerResult(TriggerEvaluation Evaluation, ReviewTask? Task, TriggerOutcome Outcome);
