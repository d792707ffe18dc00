namespace FeedbackDashboard.Core.Review;

public enum ReviewAction
{
    Claim,
    Release,
    Resolve,
    Dismiss,
    Reopen,
    Assign,
}
