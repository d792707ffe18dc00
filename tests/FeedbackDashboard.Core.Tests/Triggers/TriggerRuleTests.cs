using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Triggers;

namespace FeedbackDashboard.Core.Tests.Triggers;

public class TriggerRuleTests
{
    private static readonly TriggerOptions Defaults = new();

    /// <summary>'+' thumbs-up, '-' thumbs-down, 'c' correction, digits ratings; oldest first, as they arrive.</summary>
    private static IEnumerable<FeedbackSignal> Arrivals(string code) => code.Select(c => c switch
    {
        '+' => new FeedbackSignal(FeedbackType.ThumbsUp),
        '-' => new FeedbackSignal(FeedbackType.ThumbsDown),
        'c' => new FeedbackSignal(FeedbackType.Correction),
        _ => new FeedbackSignal(FeedbackType.Rating, c - '0'),
    });

    /// <summary>The rule reads newest first.</summary>
    private static IEnumerable<FeedbackSignal> Window(string arrivals) => Arrivals(arrivals).Reverse();

    [Theory]
    [InlineData("++++++---", true, 9, 3)]      // 3 of 9 = 0.333 > 0.3
    [InlineData("+++++++---", false, 10, 3)]   // 3 of 10 = 0.3 is not above 0.3
    [InlineData("++++++--", false, 8, 2)]      // 0.25
    [InlineData("+++++++----", true, 10, 4)]   // the window keeps the newest 10: 4 of 10
    [InlineData("----++++++++++", false, 10, 0)] // old negatives fell out of the window
    [InlineData("---+++++++", false, 10, 3)]   // order inside the window does not matter
    public void Evaluate_WindowOfTen(string arrivals, bool fires, int count, int negatives)
    {
        var evaluation = TriggerRule.Evaluate(Window(arrivals), Defaults);

        Assert.Equal(count, evaluation.WindowCount);
        Assert.Equal(negatives, evaluation.NegativeCount);
        Assert.Equal(fires, evaluation.Fires);
    }

    [Theory]
    [InlineData("-", false)]       // one thumbs-down is 100% negative but below the minimum of 5
    [InlineData("--", false)]
    [InlineData("--++", false)]    // 4 items, 50%: still below the minimum
    [InlineData("--+++", true)]    // 5 items, 40%: the minimum is met
    [InlineData("-++++", false)]   // 5 items, 20%
    public void Evaluate_BelowMinimumItems_NeverFires(string arrivals, bool fires)
    {
        Assert.Equal(fires, TriggerRule.Evaluate(Window(arrivals), Defaults).Fires);
    }

    [Fact]
    public void Evaluate_SixUpThenFourDown_FiresFirstAtTheThirdThumbsDown()
    {
        const string arrivals = "++++++----";
        var firstFiringLength = Enumerable.Range(1, arrivals.Length)
            .First(n => TriggerRule.Evaluate(Window(arrivals[..n]), Defaults).Fires);

        Assert.Equal(9, firstFiringLength);
    }

    [Fact]
    public void Evaluate_SevenUpThenThreeDown_NeverFires()
    {
        const string arrivals = "+++++++---";
        Assert.All(Enumerable.Range(1, arrivals.Length),
            n => Assert.False(TriggerRule.Evaluate(Window(arrivals[..n]), Defaults).Fires));
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 3)]
    public void Evaluate_LowRatings_CountAsNegativeOnlyWhenEnabled(bool countLowRatings, int negatives)
    {
        var options = new TriggerOptions { CountLowRatingsAsNegative = countLowRatings };

        var evaluation = TriggerRule.Evaluate(Window("1125+++"), options);

        Assert.Equal(negatives, evaluation.NegativeCount);
        Assert.Equal(countLowRatings, evaluation.Fires); // 3 of 7
    }

    [Fact]
    public void Evaluate_CorrectionsAreNotNegative()
    {
        var evaluation = TriggerRule.Evaluate(Window("ccccc"), Defaults);

        Assert.Equal(0, evaluation.NegativeCount);
        Assert.False(evaluation.Fires);
    }

    [Theory]
    [InlineData(0.5, "+++--", false)] // 40% is not above 50%
    [InlineData(0.5, "++---", true)]
    [InlineData(0.2, "++++-", false)] // exactly 20%
    public void Evaluate_ThresholdIsAnOption(double threshold, string arrivals, bool fires)
    {
        var options = new TriggerOptions { NegativeShareThreshold = threshold };
        Assert.Equal(fires, TriggerRule.Evaluate(Window(arrivals), options).Fires);
    }

    [Fact]
    public void Evaluate_WindowSizeIsAnOption()
    {
        var options = new TriggerOptions { WindowSize = 5, MinimumItems = 5 };

        // The newest five are "+--++": 2 of 5 = 40%.
        var evaluation = TriggerRule.Evaluate(Window("+++++++--++"), options);

        Assert.Equal(5, evaluation.WindowCount);
        Assert.Equal(2, evaluation.NegativeCount);
        Assert.True(evaluation.Fires);
    }
}
