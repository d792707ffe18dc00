namespace FeedbackDashboard.Features.Review;

/// <summary>How review decisions are named in the audit log, which is also a task's history.</summary>
public static class ReviewAudit
{
    public static string Subject(long taskId) => $"review-task/{taskId}";

    public const string Raised = "review.raised";
    public const string Claimed = "review.claimed";
    public const string Released = "review.released";
    public const string Resolved = "review.resolved";
    public const string Dismissed = "review.dismissed";
    public const string Reopened = "review.reopened";
    public const string Assigned = "review.assigned";
}
