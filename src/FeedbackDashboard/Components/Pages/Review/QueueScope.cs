namespace FeedbackDashboard.Components.Pages.Review;

/// <summary>Which tasks the queue loads: the work to do, or the record of what was done.</summary>
public enum QueueScope
{
    Active,
    Open,
    InReview,
    Resolved,
    Dismissed,
    All,
}
