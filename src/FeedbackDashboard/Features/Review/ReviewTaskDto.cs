using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Features.Ingestion;

namespace FeedbackDashboard.Features.Review;

/// <summary>A review task as the API, the hub and the pages see it.</summary>
public sealed record ReviewTaskDto(
    long Id,
    string Status,
    string Priority,
    string SuggestedAction,
    string PatternKey,
    string RepresentativeQuery,
    int RelatedCount,
    int NegativeCount,
    int CorrectionCount,
    double NegativeShare,
    string? AssigneeId,
    string? ResolutionNote,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    FeedbackDto? TriggerFeedback,
    IReadOnlyList<FeedbackDto> RelatedFeedback)
{
    public static ReviewTaskDto From(ReviewTask task, IReadOnlyList<UserFeedback> related)
    {
        var trigger = related.FirstOrDefault(f => f.Id == task.TriggerFeedbackId);
        return new(
            task.Id, task.Status.ToWire(), task.Priority.ToWire(), task.SuggestedAction, task.PatternKey, task.RepresentativeQuery,
            task.RelatedCount, task.NegativeCount, task.CorrectionCount, Math.Round(task.NegativeShare, 4),
            task.AssigneeId, task.ResolutionNote, task.CreatedAt, task.UpdatedAt, task.ClosedAt,
            trigger is null ? null : FeedbackDto.From(trigger),
            related.OrderByDescending(f => f.Id).Select(FeedbackDto.From).ToList());
    }
}
