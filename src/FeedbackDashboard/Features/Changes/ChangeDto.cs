using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Changes;

namespace FeedbackDashboard.Features.Changes;

/// <summary>A published change and what it did (GET /api/v1/changes, the change.verdict webhook).</summary>
/// <param name="ItemsStillNeeded">While collecting: the items both sides still need together.</param>
/// <param name="Difference">The positive share after minus before; null while collecting.</param>
/// <param name="Interval">[low, high], the 95% interval of the difference; null while collecting.</param>
/// <param name="Capped">The time cap (Changes:MaxDays) passed before both sides had their items: judged on what came.</param>
public sealed record ChangeDto(
    long Id,
    ChangeKind Kind,
    string Title,
    string? Source,
    IReadOnlyList<string> PatternKeys,
    DateTimeOffset PublishedAt,
    string PublishedBy,
    long? ReviewTaskId,
    ChangeVerdict Verdict,
    int ItemsStillNeeded,
    ChangeSide Before,
    ChangeSide After,
    double? Difference,
    double[]? Interval,
    bool Capped)
{
    public static ChangeDto From(PublishedChange change, ChangeReading reading) => new(
        change.Id, change.Kind, change.Title, change.Source, change.PatternKeys, change.PublishedAt, change.PublishedBy, change.ReviewTaskId,
        reading.Effect.Verdict, reading.Effect.ItemsStillNeeded, ChangeSide.From(reading.Before), ChangeSide.From(reading.After),
        reading.Effect.Difference, reading.Effect is { Low: { } low, High: { } high } ? [low, high] : null, reading.Capped);

    /// <summary>A line a chat tool can show as it is.</summary>
    public string Text() => Verdict switch
    {
        ChangeVerdict.Collecting => $"\"{Title}\": collecting, {ItemsStillNeeded} more items needed.",
        _ when Difference is { } d && Interval is [var low, var high] =>
            $"\"{Title}\" judged {Wire(Verdict)}: positive share {Percent(Before.PositiveShare)} before, {Percent(After.PositiveShare)} after " +
            $"({Points(d)} points, 95% interval {Points(low)} to {Points(high)}; {Before.Total} and {After.Total} items).",
        _ => $"\"{Title}\" judged {Wire(Verdict)}: too little feedback came before the time cap ({Before.Total} items before, {After.Total} after).",
    };

    private static string Wire(ChangeVerdict verdict) => WireNames.ToWire(verdict);

    private static string Percent(double share) => (share * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static string Points(double share) => (share * 100).ToString("+0.0;-0.0;0.0", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record ChangeSide(int Total, int Positive, int Negative, double PositiveShare, double NegativeShare)
{
    public static ChangeSide From(SideCounts counts) => new(counts.Total, counts.Positive, counts.Negative, counts.PositiveShare, counts.NegativeShare);
}
