using FeedbackDashboard.Core.Changes;

namespace FeedbackDashboard.Core.Tests.Changes;

public class ChangeEvaluationTests
{
    [Fact]
    public void TheInterval_MatchesNewcombesWorkedExample()
    {
        // Newcombe (1998), Statistics in Medicine 17:873-890, example (a): 56/70 against 48/80, method 10.
        var (difference, low, high) = ChangeEvaluation.DifferenceInterval(56, 70, 48, 80);

        Assert.Equal(0.2, difference, 4);
        Assert.Equal(0.0524, low, 4);
        Assert.Equal(0.3339, high, 4);
    }

    [Fact]
    public void TheWilsonInterval_MatchesTheTextbook_AndStaysInsideZeroToOne()
    {
        // Newcombe (1998, single proportion): 81/263 gives 0.2553 to 0.3662.
        var (low, high) = ChangeEvaluation.Wilson(81, 263);
        Assert.Equal(0.2553, low, 4);
        Assert.Equal(0.3662, high, 4);
        Assert.Equal(0, ChangeEvaluation.Wilson(0, 10).Low);
        Assert.Equal(1, ChangeEvaluation.Wilson(10, 10).High);
    }

    [Theory]
    [InlineData(50, 30, 30, ChangeVerdict.Collecting, 40)] // 20 short before, 20 after
    [InlineData(50, 50, 49, ChangeVerdict.Collecting, 1)]
    public void WithTooFewItems_ItSaysHowManyAreStillNeeded(int itemsEachSide, int before, int after, ChangeVerdict verdict, int needed)
    {
        var effect = ChangeEvaluation.Judge(new SideCounts(before, before / 2, before / 2), new SideCounts(after, after / 2, after / 2), itemsEachSide);

        Assert.Equal(verdict, effect.Verdict);
        Assert.Equal(needed, effect.ItemsStillNeeded);
        Assert.Null(effect.Difference);
    }

    [Theory]
    [InlineData(40, 70, ChangeVerdict.Improved)]
    [InlineData(70, 40, ChangeVerdict.Worse)]
    [InlineData(50, 55, ChangeVerdict.NoChange)]
    public void WithEnoughItems_TheIntervalDecides(int positiveBefore, int positiveAfter, ChangeVerdict verdict)
    {
        var effect = ChangeEvaluation.Judge(new SideCounts(100, positiveBefore, 100 - positiveBefore), new SideCounts(100, positiveAfter, 100 - positiveAfter), 100);

        Assert.Equal(verdict, effect.Verdict);
        Assert.Equal((positiveAfter - positiveBefore) / 100.0, effect.Difference!.Value, 10);
        Assert.True(effect.Low < effect.Difference && effect.Difference < effect.High);
    }

    [Fact]
    public void AChangeWithNoEffect_IsCalledImproved_NoMoreOftenThanTheDocumentedRate()
    {
        // ADR-014: at most 2.5% of no-effect changes are called improved (one side of a 95% interval);
        // Newcombe's interval is slightly conservative, so fewer. 4,000 simulated changes, 100 items a side.
        var random = new Random(20261206);
        var improved = 0;
        const int runs = 4_000;
        for (var run = 0; run < runs; run++)
        {
            var share = 0.3 + 0.5 * random.NextDouble();
            var effect = ChangeEvaluation.Judge(Side(random, 100, share), Side(random, 100, share), 100);
            improved += effect.Verdict == ChangeVerdict.Improved ? 1 : 0;
        }

        Assert.True(improved / (double)runs <= 0.025, $"called improved in {improved} of {runs} runs");
    }

    [Fact]
    public void ARealImprovement_IsFound()
    {
        // From 50% to 75% positive, 100 items a side: found in nearly every run, never called worse.
        var random = new Random(42);
        var verdicts = Enumerable.Range(0, 1_000)
            .Select(_ => ChangeEvaluation.Judge(Side(random, 100, 0.50), Side(random, 100, 0.75), 100).Verdict)
            .ToList();

        Assert.True(verdicts.Count(v => v == ChangeVerdict.Improved) >= 900, $"improved in {verdicts.Count(v => v == ChangeVerdict.Improved)} of 1000");
        Assert.DoesNotContain(ChangeVerdict.Worse, verdicts);
    }

    private static SideCounts Side(Random random, int n, double positiveShare)
    {
        var positive = Enumerable.Range(0, n).Count(_ => random.NextDouble() < positiveShare);
        return new SideCounts(n, positive, n - positive);
    }
}
