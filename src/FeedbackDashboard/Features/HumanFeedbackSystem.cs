using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Ingestion;
using FeedbackDashboard.Features.Insights;
using FeedbackDashboard.Features.Pipeline;
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
    ImprovementTriggers triggers,
    InsightsReader insights,
    ReviewNotifier notifier,
    PipelineSignal pipeline,
    Operations.Telemetry telemetry,
    TimeProvider time)
{
    /// <summary>Stamps, stores (with the aggregates) and commits one item; the pipeline then checks the triggers.</summary>
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

        // Stored and acknowledged from here on. Pattern assignment (which embeds the query) and the
        // triggers run in the background pipeline, so the caller never waits on them.
        pipeline.Committed(stored.Select(f => f.Id));
        telemetry.FeedbackIngested.Add(stored.Count);
        // The live feed is not waited for: fanning out to many pages must not delay the acknowledgement,
        // nor the group commit's next batch. Its first part (writing to every connection) runs before
        // its first await, so it is started on the pool. The notifier logs a failed push and never throws.
        var received = stored.Select(FeedbackDto.From).ToList();
        _ = Task.Run(() => notifier.FeedbackReceivedAsync(received), CancellationToken.None);
        return outcomes;
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

            var interaction = interactionFactory.Add(db, submission, time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                pipeline.Wake();
                return new InteractionOutcome.Created(interaction);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < 3)
            {
                db.ChangeTracker.Clear(); // the same id arrived concurrently: read it again
            }
        }
    }

    /// <summary>
    /// Looks at the pattern's last items (this one included): opens a review when the negative
    /// share passes the threshold, or adds the item to the pattern's active review. The pipeline
    /// calls it for each item once the item's pattern is known.
    /// </summary>
    public Task<TriggerResult> CheckImprovementTriggersAsync(UserFeedback feedback, CancellationToken cancellationToken = default) =>
        triggers.CheckAsync(feedback, time.GetUtcNow(), cancellationToken);

    /// <summary>The design's suggest_action: corrections go to the knowledge base, else the instructions.</summary>
    public static string SuggestAction(int correctionCount) => ReviewPolicy.SuggestAction(correctionCount);

    public Task<ImprovementInsights> GetImprovementInsightsAsync(int days, string? source = null, CancellationToken cancellationToken = default) =>
        insights.ReadAsync(days, source, cancellationToken);

    public Task<ImprovementInsights> GetImprovementInsightsAsync(InsightWindow window, string? source = null, CancellationToken cancellationToken = default) =>
        insights.ReadAsync(window, source, cancellationToken);
}
