namespace FeedbackDashboard.Core.Feedback;

public enum FeedbackType
{
    ThumbsUp = 1,
    ThumbsDown = 2,
    Correction = 3,
    Rating = 4,
}
