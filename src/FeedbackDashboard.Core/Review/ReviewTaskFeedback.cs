namespace FeedbackDashboard.Core.Review;

/// <summary>A feedback item a review task was raised on or gained later; kept, never recomputed.</summary>
public sealed class ReviewTaskFeedback
{
    public long ReviewTaskId { get; init; }
    public long FeedbackId { get; init; }
    public bool IsTrigger { get; init; }
}
