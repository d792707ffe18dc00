namespace FeedbackDashboard.Core.Review;

public enum ReviewPriority
{
    Medium = 1,
    High = 2,
}
