namespace FeedbackDashboard.Core.Review;

public enum ReviewTaskStatus
{
    Open = 1,
    InReview = 2,
    Resolved = 3,
    Dismissed = 4,
}
