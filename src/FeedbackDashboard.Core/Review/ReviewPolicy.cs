namespace FeedbackDashboard.Core.Review;

/// <summary>The design's choices for a raised review: its priority and what to do about it.</summary>
public static class ReviewPolicy
{
    public const string UpdateKnowledgeBase = "Update knowledge base with corrections";
    public const string ReviewInstructions = "Review and update prompt/instructions";

    /// <summary>More than this many related items makes a review high priority.</summary>
    public const int HighPriorityAbove = 5;

    public static ReviewPriority PriorityFor(int relatedCount) =>
        relatedCount > HighPriorityAbove ? ReviewPriority.High : ReviewPriority.Medium;

    public static string SuggestAction(int correctionCount) =>
        correctionCount > 0 ? UpdateKnowledgeBase : ReviewInstructions;

    /// <summary>A pattern with a task in one of these states gets no second task.</summary>
    public static bool IsActive(ReviewTaskStatus status) =>
        status is ReviewTaskStatus.Open or ReviewTaskStatus.InReview;
}
