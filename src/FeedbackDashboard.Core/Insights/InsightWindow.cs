namespace FeedbackDashboard.Core.Insights;

/// <summary>The UTC days an insight covers, both ends included.</summary>
public readonly record struct InsightWindow(DateOnly From, DateOnly To)
{
    public const int MaxDays = 3660;

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
