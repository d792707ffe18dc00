using FeedbackDashboard.Core.Issues;

namespace FeedbackDashboard.Core.Tests.Issues;

public class IssueAssignmentTests
{
    [Theory]
    [InlineData(new float[] { 1f, 1f, 1f, 1f }, 0.9)] // one repeated text: the same complaint re-punctuated still joins
    [InlineData(new float[] { 0.95f, 0.8f, 0.75f, 0.7f, 0.9f, 0.85f, 0.88f, 0.92f, 0.81f, 0.79f, 0.77f }, 0.75)] // the 10th percentile
    [InlineData(new float[] { 0.4f, 0.3f, 0.6f }, 0.5)] // a loose issue never takes anything
    public void Threshold_IsTheMembersTenthPercentile_Between0_5And0_9(float[] similarities, double expected) =>
        Assert.Equal(expected, IssueAssignment.ThresholdFor(similarities));

    [Fact]
    public void Nearest_IsTheMostSimilarCentreAtOrAboveItsThreshold_ElseNone()
    {
        IssueCentre[] issues = [new(1, [1, 0, 0], 0.9), new(2, [0, 1, 0], 0.5)];

        Assert.Equal(1, IssueAssignment.Nearest(issues, [0.95f, 0.31f, 0]));
        Assert.Equal(2, IssueAssignment.Nearest(issues, [0.8f, 0.6f, 0])); // nearer to 1, but under its threshold
        Assert.Null(IssueAssignment.Nearest(issues, [0.3f, 0.3f, 0.9f]));
    }
}
