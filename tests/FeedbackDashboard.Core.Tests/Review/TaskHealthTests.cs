using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Core.Triggers;

namespace FeedbackDashboard.Core.Tests.Review;

public class TaskHealthTests
{
    private static readonly TriggerOptions Defaults = new();

    /// <summary>Signals newest first from a string: '-' a thumbs-down, '+' a thumbs-up.</summary>
    private static List<FeedbackSignal> Items(string newestFirst) =>
        newestFirst.Select(c => new FeedbackSignal(c == '-' ? FeedbackType.ThumbsDown : FeedbackType.ThumbsUp)).ToList();

    // The worked examples of ADR-011.
    [Theory]
    [InlineData(0.1, 0.4, 30, 4.2)]     // an old task that absorbed weeks of items: 1 of 10 negative now, 4 of 10 before, 30 items this week
    [InlineData(1.0, null, 5, 25.9)]    // a new pattern: 5 of 5 negative, 5 items this week
    [InlineData(0.4, 0.4, 1000, 40.0)]  // 4 of 10 negative, steady, a thousand items a week
    [InlineData(0.6, 0.2, 200, 55.3)]   // getting worse: 6 of 10 now, 2 of 10 before, 200 a week
    [InlineData(0.0, 0.5, 300, 0.0)]    // recovered: nothing negative in the window
    [InlineData(0.8, 0.8, 0, 0.0)]      // nobody reached this week
    [InlineData(1.0, 0.0, 5000, 100.0)] // capped at 100
    public void Severity_FollowsTheAdrExamples(double share, double? previous, int reach, double expected) =>
        Assert.Equal(expected, TaskHealth.Severity(share, previous, reach));

    [Fact]
    public void NewFullyNegativePattern_OutranksAnOldHighPriorityTaskThatMostlyRecovered()
    {
        var oldTask = TaskHealth.Assess(Items("-+++++++++" + "--+-+-++++"), itemsSinceRaised: 80, recentReach: 30, Defaults, 20);
        var newPattern = TaskHealth.Assess(Items("-----"), itemsSinceRaised: 0, recentReach: 5, Defaults, 20);

        Assert.True(newPattern.Severity > oldTask.Severity, $"{newPattern.Severity} vs {oldTask.Severity}");
        Assert.Equal(1.0, newPattern.CurrentShare);
        Assert.Null(newPattern.PreviousShare);
        Assert.Equal(0.4, oldTask.PreviousShare);
    }

    [Fact]
    public void Recovering_WhenEachOfTheLastNItemsLeftTheWindowUnderTheThreshold()
    {
        // 22 items since the task: the newest 20 windows all hold at most 3 negatives of 10.
        var items = Items("+++-+++++-+++++++-++" + "--+++++-+");

        Assert.True(TaskHealth.IsRecovering(items, itemsSinceRaised: 22, Defaults, afterItems: 20));
    }

    [Fact]
    public void NotRecovering_WhenOneRecentWindowWasStillOverTheThreshold()
    {
        // The window ending at the 15th newest item holds 4 negatives of 10.
        var items = Items("+++++++++++++-" + "---+++++++++++++");

        Assert.False(TaskHealth.IsRecovering(items, itemsSinceRaised: 30, Defaults, afterItems: 20));
    }

    [Theory]
    [InlineData(19, 20)] // not enough items since the task was raised
    [InlineData(25, 0)]  // recovery off
    public void NotRecovering_WithoutEnoughItemsSinceRaised(int since, int afterItems) =>
        Assert.False(TaskHealth.IsRecovering(Items(new string('+', 30)), since, Defaults, afterItems));

    [Fact]
    public void ItemsNeeded_CoverTwoWindowsAndTheRecoveryRun() =>
        Assert.Equal(29, TaskHealth.ItemsNeeded(Defaults, 20));
}
