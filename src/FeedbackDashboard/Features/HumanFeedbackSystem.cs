using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Core.Triggers;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Admin;
using FeedbackDashboard.Features.Ingestion;
using FeedbackDashboard.Features.Insights;
using FeedbackDashboard.Features.Realtime;
using FeedbackDashboard.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features;

/// <summary>
/// The feedback loop of our design. Method names follow it; the decisions inside are pure
/// functions in FeedbackDashboard.Core, the storage is in the feature folders.
/// </summary>
public sealed class HumanFeedbackSystem(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    FeedbackWriter writer,
    InteractionFactory interactionFactory,
    ReviewTaskTrigger trigger,
    InsightsReader insights,
    ReviewTaskQueries reviewTasks,
    ReviewNotifier notifier,
    TriggerSettingsStore triggerSettings,
    TimeProvider time,
    ILogger<HumanFeedbackSystem> logger)
{
    /// <summary>Stamps, stores (with the aggregates) and commits one item, then checks the triggers.</summary>
    public async Task<CollectOutcome> CollectFeedbackAsync(FeedbackItem item, CancellationToken cancellationToken = default) =>
        (await CollectFeedbackBatchAsync([item], cancellationToken))[0];

    /// <summary>The same for many items, stored in one transaction; an outcome per item, in order.</summary>
    public async Task<IReadOnlyList<CollectOutcome>> CollectFeedbackBatchAsync(
        IReadOnlyList<FeedbackItem> items, CancellationToken cancellationToken = default)
    {
        var outcomes = await writer.StoreAsync(items, time.GetUtcNow(), cancellationToken);
        var stored = outcomes.OfType<CollectOutcome.Stored>().Select(s => s.Feedback).OrderBy(f => f.Id).ToList();
        if (stored.Count == 0)
        {
            return outcomes;
        }

        // Stored and acknowledged from here on; the triggers read what was committed, oldest first.
        await notifier.FeedbackReceivedAsync(stored.Select(FeedbackDto.From));
        var raised = new HashSet<long>();
        var joined = new HashSet<long>();
        foreach (var feedback in stored)
        {
            var result = await CheckImprovementTriggersAsync(feedback, cancellationToken);
            switch (result)
            {
                case { Outcome: TriggerOutcome.Raised, Task: { } task }:
                    raised.Add(task.Id);
                    break;
                case { Outcome: TriggerOutcome.Joined, Task: { } task }:
                    joined.Add(task.Id);
                    break;
            }
        }
        await PushTaskChangesAsync(raised, joined, cancellationToken);
        return outcomes;
    }

    /// <summary>One push per task however many items of a batch touched it: created, or updated.</summary>
    private async Task PushTaskChangesAsync(HashSet<long> raised, HashSet<long> joined, CancellationToken cancellationToken)
    {
        joined.ExceptWith(raised);
        if (raised.Count + joined.Count == 0)
        {
            return;
        }
        foreach (var task in await reviewTasks.GetManyAsync([.. raised, .. joined], cancellationToken))
        {
            await (raised.Contains(task.Id) ? notifier.TaskCreatedAsync(task) : notifier.TaskUpdatedAsync(task));
        }
    }

    public async Task<InteractionOutcome> RecordInteractionAsync(InteractionSubmission submission, CancellationToken cancellationToken = default)
    {
        var errors = InteractionRules.Validate(submission);
        if (!errors.IsEmpty)
        {
            return new InteractionOutcome.Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await db.Interactions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == submission.Id, cancellationToken);
            if (existing is not null)
            {
                return submission.SameContentAs(existing)
                    ? new InteractionOutcome.Unchanged(existing)
                    : new InteractionOutcome.Conflict(existing);
            }

            var interaction = await interactionFactory.AddAsync(db, submission, time.GetUtcNow(), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new InteractionOutcome.Created(interaction);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < 3)
            {
                db.ChangeTracker.Clear(); // the same id or pattern arrived concurrently: read it again
            }
        }
    }

    /// <summary>
    /// Looks at the pattern's last items (this one included): opens a review when the negative
    /// share passes the threshold, or adds the item to the pattern's active review.
    /// </summary>
    public async Task<TriggerResult> CheckImprovementTriggersAsync(UserFeedback feedback, CancellationToken cancellationToken = default)
    {
        var result = await trigger.EvaluateAsync(feedback, await triggerSettings.GetAsync(cancellationToken), time.GetUtcNow(), cancellationToken);
        if (result is { Outcome: TriggerOutcome.Raised, Task: { } task })
        {
            logger.LogInformation(
                "Review task {TaskId} raised for pattern {PatternKey} by feedback {FeedbackId}: {Negatives} of {Count} negative, priority {Priority}",
                task.Id, task.PatternKey, feedback.Id, result.Evaluation.NegativeCount, result.Evaluation.WindowCount, task.Priority);
        }
        return result;
    }

    /// <summary>The design's suggest_action: corrections go to the knowledge base, else the instructions.</summary>
    public static string SuggestAction(int correctionCount) => ReviewPolicy.SuggestAction(correctionCount);

    public Task<ImprovementInsights> GetImprovementInsightsAsync(int days, string? source = null, CancellationToken cancellationToken = default) =>
        insights.ReadAsync(days, source, cancellationToken);

    public Task<ImprovementInsights> GetImprovementInsightsAsync(InsightWindow window, string? source = null, CancellationToken cancellationToken = default) =>
        insights.ReadAsync(window, source, cancellationToken);
}
