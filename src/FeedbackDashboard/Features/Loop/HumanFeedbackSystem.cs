using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Insights;
using FeedbackDashboard.Features.Realtime;
using FeedbackDashboard.Features.Review;
using FeedbackDashboard.Features.Shared;
using FeedbackDashboard.Features.Triggers;

namespace FeedbackDashboard.Features.Loop;

/// <summary>
/// The feedback loop of our design. Method names follow it; the decisions inside are pure
/// functions in FeedbackDashboard.Core, the storage is in the feature folders.
/// </summary>
public sealed class HumanFeedbackSystem(
    FeedbackWriter writer,
    InteractionStore interactions,
    ImprovementTriggers triggers,
    InsightsReader insights,
    ReviewNotifier notifier,
    PipelineSignal pipeline,
    Operations.Telemetry telemetry,
    TimeProvider time)
{
    /// <summary>
    /// Stamps, stores (with the aggregates) and commits the items in one transaction, an outcome per item
    /// in order; the pipeline then assigns patterns and checks the triggers. The group commit (single
    /// items from the API), the batch endpoint and the demo all come in here.
    /// </summary>
    public async Task<IReadOnlyList<ActionOutcome<UserFeedback>>> CollectFeedbackBatchAsync(
        IReadOnlyList<FeedbackItem> items, CancellationToken cancellationToken = default)
    {
        var outcomes = await writer.StoreAsync(items, time.GetUtcNow(), cancellationToken);
        var stored = outcomes.OfType<ActionOutcome<UserFeedback>.Done>().Select(s => s.Value).OrderBy(f => f.Id).ToList();
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

    /// <summary>Stores the interaction a feedback item is about (the pipeline then assigns its pattern).</summary>
    public Task<ActionOutcome<Interaction>> RecordInteractionAsync(InteractionSubmission submission, CancellationToken cancellationToken = default) =>
        interactions.RecordAsync(submission, cancellationToken);

    /// <summary>
    /// Looks at each item's pattern's last items (the item included): opens a review when the negative
    /// share passes the threshold, or adds the item to the pattern's active review. The pipeline calls
    /// it for each batch once the items' patterns are known; <paramref name="now"/> is the pipeline's clock.
    /// </summary>
    public Task CheckImprovementTriggersAsync(IEnumerable<UserFeedback> feedback, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        triggers.CheckAllAsync(feedback, now, cancellationToken);

    public Task<ImprovementInsights> GetImprovementInsightsAsync(InsightWindow window, string? source = null, CancellationToken cancellationToken = default) =>
        insights.ReadAsync(window, source, cancellationToken);
}
