using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Review;

namespace FeedbackDashboard.Contracts;

/// <summary>
/// A review task as the API, the hub and the pages see it. It carries its trigger and the newest
/// related items (up to <see cref="EmbeddedRelatedLimit"/>); all of them are paged at
/// /api/v1/review-tasks/{id}/feedback.
/// </summary>
/// <param name="Severity">How much the pattern hurts users now, 0 to 100 (docs/decisions/ADR-011): the queue's default order.</param>
/// <param name="Recovering">The pattern's window has been back under the threshold for Review:RecoveringAfterItems items.</param>
/// <param name="CurrentNegativeShare">The negative share of the pattern's last WindowSize items (NegativeShare is of every related item).</param>
/// <param name="RecentReach">The pattern's feedback items of the last 7 days.</param>
public sealed record ReviewTaskDto(
    long Id,
    ReviewTaskStatus Status,
    ReviewPriority Priority,
    string SuggestedAction,
    string PatternKey,
    string RepresentativeQuery,
    int RelatedCount,
    int NegativeCount,
    int CorrectionCount,
    double NegativeShare,
    string Source,
    string? AssigneeId,
    string? Assignee,
    string? ResolutionNote,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    FeedbackDto? TriggerFeedback,
    IReadOnlyList<FeedbackDto> RelatedFeedback,
    double Severity = 0,
    bool Recovering = false,
    double CurrentNegativeShare = 0,
    int RecentReach = 0)
{
    public const int EmbeddedRelatedLimit = 20;

    /// <summary>The task without its related items: what is pushed to every reviewer and kept by the queue.</summary>
    public ReviewTaskDto WithoutRelated() => RelatedFeedback.Count == 0 ? this : this with { RelatedFeedback = [] };

    /// <summary>The task as the review queue keeps it, one of hundreds a page: no trigger, no related items (its detail reads them).</summary>
    public ReviewTaskDto AsQueueRow() =>
        TriggerFeedback is null && RelatedFeedback.Count == 0 ? this : this with { TriggerFeedback = null, RelatedFeedback = [] };

    /// <param name="trigger">The feedback that raised the task.</param>
    /// <param name="newestRelated">The newest related items, newest first.</param>
    public static ReviewTaskDto From(ReviewTask task, UserFeedback? trigger, IReadOnlyList<UserFeedback> newestRelated)
    {
        return new(
            task.Id, task.Status, task.Priority, task.SuggestedAction, task.PatternKey, task.RepresentativeQuery,
            task.RelatedCount, task.NegativeCount, task.CorrectionCount, Math.Round(task.NegativeShare, 4),
            task.Source, task.AssigneeId, task.AssigneeName, task.ResolutionNote, task.CreatedAt, task.UpdatedAt, task.ClosedAt,
            trigger is null ? null : FeedbackDto.From(trigger),
            newestRelated.Select(FeedbackDto.From).ToList(),
            task.Severity, task.Recovering, Math.Round(task.CurrentNegativeShare, 4), task.RecentReach);
    }
}
