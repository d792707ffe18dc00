namespace FeedbackDashboard.Core.Insights;

/// <summary>The UTC days an insight covers, both ends included.</summary>
public readonly record struct InsightWindow(DateOnly From, DateOnly To)
{
    public const int MaxDays = 3660;

    /// <summary>The earliest day a window may start: before it there is no feedback, and the window before it must still be a date.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>The latest day a window may end: far enough ahead for any time zone, far from DateOnly's end.</summary>
    public static readonly DateOnly Latest = new(2999, 12, 31);

    /// <summary>Whether a custom range from..to is one the insights can be read for.</summary>
    public static bool IsValidRange(DateOnly from, DateOnly to) =>
        from >= Earliest && to <= Latest && to >= from && to.DayNumber - from.DayNumber + 1 <= MaxDays;

    public static InsightWindow LastDays(int days, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return new InsightWindow(today.AddDays(1 - days), today);
    }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The window of the same length just before this one, for "change since".</summary>
    public InsightWindow Previous => new(From.AddDays(-Days), From.AddDays(-1));

    public DateTimeOffset StartUtc => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset EndUtcExclusive => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public IEnumerable<DateOnly> EachDay()
    {
        for (var day = From; day <= To; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
