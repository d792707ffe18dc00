namespace FeedbackDashboard.Core.Changes;

/// <summary>Feedback on one side of a change: how many items, and how many of them positive and negative.</summary>
public sealed record SideCounts(int Total, int Positive, int Negative)
{
    public double PositiveShare => Total == 0 ? 0 : (double)Positive / Total;

    public double NegativeShare => Total == 0 ? 0 : (double)Negative / Total;
}

/// <param name="ItemsStillNeeded">While collecting: how many more items the two sides need together.</param>
/// <param name="Difference">The positive share after minus before; null while collecting.</param>
/// <param name="Low">The 95% interval of the difference (Newcombe's hybrid score method); null while collecting.</param>
public sealed record ChangeEffect(ChangeVerdict Verdict, int ItemsStillNeeded, double? Difference, double? Low, double? High);

/// <summary>
/// Judges a change by the positive share of the N items before it and the N after it (docs/decisions/ADR-014).
/// The interval of the difference of two independent proportions is Newcombe's method 10 (1998): the
/// Wilson score interval of each share, combined. It keeps its 95% coverage at small counts and at
/// shares near 0 or 1, where the textbook normal interval does not.
/// </summary>
public static class ChangeEvaluation
{
    /// <summary>The normal quantile for a two-sided 95% interval.</summary>
    public const double Z = 1.959963984540054;

    public static ChangeEffect Judge(SideCounts before, SideCounts after, int itemsEachSide)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(itemsEachSide, 1);
        var needed = Math.Max(0, itemsEachSide - before.Total) + Math.Max(0, itemsEachSide - after.Total);
        if (needed > 0)
        {
            return new ChangeEffect(ChangeVerdict.Collecting, needed, null, null, null);
        }
        var (difference, low, high) = DifferenceInterval(after.Positive, after.Total, before.Positive, before.Total);
        var verdict = low > 0 ? ChangeVerdict.Improved : high < 0 ? ChangeVerdict.Worse : ChangeVerdict.NoChange;
        return new ChangeEffect(verdict, 0, difference, low, high);
    }

    /// <summary>p1 - p2 with its 95% interval (Newcombe 1998, method 10).</summary>
    public static (double Difference, double Low, double High) DifferenceInterval(int successes1, int n1, int successes2, int n2)
    {
        var p1 = (double)successes1 / n1;
        var p2 = (double)successes2 / n2;
        var (l1, u1) = Wilson(successes1, n1);
        var (l2, u2) = Wilson(successes2, n2);
        var difference = p1 - p2;
        var low = difference - Math.Sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
        var high = difference + Math.Sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
        return (difference, low, high);
    }

    /// <summary>The Wilson score interval of one proportion.</summary>
    public static (double Low, double High) Wilson(int successes, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var p = (double)successes / n;
        var z2 = Z * Z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = Z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        // At 0 and n the interval reaches exactly 0 and 1; computed, it would miss by a rounding error.
        return (successes == 0 ? 0 : Math.Max(0, centre - half), successes == n ? 1 : Math.Min(1, centre + half));
    }
}
