namespace FeedbackDashboard.Core.Insights;

/// <summary>The UTC days an insight covers: the last <c>Days</c> days up to and including today.</summary>
public readonly record struct InsightWindow(DateOnly From, DateOnly To)
{
    public const int MaxDays = 3660;

    public static InsightWindow LastDays(int days, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return new InsightWindow(today.AddDays(1 - days), today);
    }

    public DateTimeOffset StartUtc => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
