using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Review;

namespace FeedbackDashboard.Core.Tests.Review;

public class ReviewPolicyTests
{
    [Theory]
    [InlineData(1, ReviewPriority.Medium)]
    [InlineData(5, ReviewPriority.Medium)]
    [InlineData(6, ReviewPriority.High)]
    [InlineData(9, ReviewPriority.High)]
    public void PriorityFor_HighOnlyAboveFiveRelated(int related, ReviewPriority expected) =>
        Assert.Equal(expected, ReviewPolicy.PriorityFor(related));

    [Theory]
    [InlineData(0, "Review and update prompt/instructions")]
    [InlineData(1, "Update knowledge base with corrections")]
    [InlineData(7, "Update knowledge base with corrections")]
    public void SuggestAction_CorrectionsGoToTheKnowledgeBase(int corrections, string expected) =>
        Assert.Equal(expected, ReviewPolicy.SuggestAction(corrections));

    [Theory]
    [InlineData(ReviewTaskStatus.Open, true)]
    [InlineData(ReviewTaskStatus.InReview, true)]
    [InlineData(ReviewTaskStatus.Resolved, false)]
    [InlineData(ReviewTaskStatus.Dismissed, false)]
    public void IsActive_OpenAndInReviewBlockASecondTask(ReviewTaskStatus status, bool active) =>
        Assert.Equal(active, ReviewPolicy.IsActive(status));

    [Fact]
    public void ApplyPolicy_RecomputesPriorityAndActionFromCounts()
    {
        var task = new ReviewTask { PatternKey = "p", RepresentativeQuery = "q", SuggestedAction = "", RelatedCount = 5 };
        task.ApplyPolicy();
        Assert.Equal(ReviewPriority.Medium, task.Priority);
        Assert.Equal(ReviewPolicy.ReviewInstructions, task.SuggestedAction);

        task.RelatedCount = 6;
        task.CorrectionCount = 1;
        task.ApplyPolicy();
        Assert.Equal(ReviewPriority.High, task.Priority);
        Assert.Equal(ReviewPolicy.UpdateKnowledgeBase, task.SuggestedAction);
    }

    [Theory]
    [InlineData(ReviewTaskStatus.Open, "open")]
    [InlineData(ReviewTaskStatus.InReview, "in_review")]
    [InlineData(ReviewTaskStatus.Resolved, "resolved")]
    [InlineData(ReviewTaskStatus.Dismissed, "dismissed")]
    public void Status_RoundTripsThroughItsWireName(ReviewTaskStatus status, string wire)
    {
        Assert.Equal(wire, status.ToWire());
        Assert.True(WireNames.TryParse<ReviewTaskStatus>(wire, out var parsed));
        Assert.Equal(status, parsed);
    }
}
