using FeedbackDashboard.Components.Shared.Charts;
using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Changes;
using FeedbackDashboard.Features.Changes;
using FeedbackDashboard.Features.Insights;

namespace FeedbackDashboard.Components.Pages.Insights;

/// <summary>The Overview's charts: their fixed shapes, and the series made from an insights answer.</summary>
public static class OverviewCharts
{
    public const int MaxLabelLength = 48;
    public const int MaxChanges = 20;
    private const int MaxMarkerLabelLength = 28;

    public static readonly ChartOptions Trend = new(
        ChartKind.Mixed, 340,
        [new ChartAxis("Positive rate", 0, 1, Format: ValueFormat.Percent), new ChartAxis("Feedback a day", Min: 0, Opposite: true)],
        DateAxis: true, Stacked: true,
        Colors: ["#3f51b5", "#8e24aa", "#43a047", "#e53935", "#00897b", "#ffb300"]);

    public static readonly ChartOptions Ratings = new(ChartKind.Bar, 260, [new ChartAxis("Ratings", Min: 0)],
        Colors: ["#ffb300"], NoDataText: "No ratings in this window");

    public static readonly ChartOptions Issues = new(ChartKind.HorizontalBar, 320, [new ChartAxis("Negative feedback", Min: 0)],
        Colors: ["#e53935"], NoDataText: "No issue in this window", Clickable: true);

    /// <summary>The positive rate as a line over the day's volume, stacked by type: hovering a day shows all of it.</summary>
    public static IReadOnlyList<ChartSeries> TrendSeries(ImprovementInsights insights)
    {
        static ChartPoint At(DailyInsight d, double? y) => new(new DateTimeOffset(d.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds(), y);
        if (insights.TotalFeedback == 0)
        {
            return [];
        }
        return
        [
            new("Positive rate", insights.Daily.Select(d => At(d, d.PositiveRate)).ToList(), "line", 0, ValueFormat.Percent),
            new("Thumbs-up share", insights.Daily.Select(d => At(d, d.ThumbsUpShare)).ToList(), "line", 0, ValueFormat.Percent),
            new("Thumbs up", insights.Daily.Select(d => At(d, d.Positive)).ToList(), "column", 1),
            new("Thumbs down", insights.Daily.Select(d => At(d, d.Negative)).ToList(), "column", 1),
            new("Corrections", insights.Daily.Select(d => At(d, d.Correction)).ToList(), "column", 1),
            new("Ratings", insights.Daily.Select(d => At(d, d.Rating)).ToList(), "column", 1),
        ];
    }

    public static IReadOnlyList<ChartSeries> RatingSeries(ImprovementInsights insights) =>
        insights.CountsByType.Rating == 0
            ? []
            : [new("Ratings", insights.RatingDistribution.Select((count, i) => new ChartPoint($"{i + 1} ★", count)).ToList())];

    public static IReadOnlyList<ChartSeries> IssueSeries(ImprovementInsights insights) =>
        insights.CommonIssues.Count == 0
            ? []
            : [new("Negative feedback", insights.CommonIssues.Select(i => new ChartPoint(Label(i.Label), i.Frequency)).ToList())];

    /// <summary>A dashed line a published change, at its day, labelled with its kind and verdict.</summary>
    public static IReadOnlyList<ChartMarker> ChangeMarkers(IReadOnlyList<ChangeDto> changes) =>
        changes.Select(c => new ChartMarker(
            new DateTimeOffset(c.PublishedAt.UtcDateTime.Date, TimeSpan.Zero).ToUnixTimeMilliseconds(),
            Fit($"{(c.Kind == ChangeKind.Knowledge ? "KB" : "Instructions")}: {WireNames.ToWire(c.Verdict).Replace('_', ' ')}"),
            c.Verdict switch { ChangeVerdict.Improved => "#43a047", ChangeVerdict.Worse => "#e53935", _ => "#775dd0" })).ToList();

    private static string Fit(string text) => text.Length <= MaxMarkerLabelLength ? text : text[..(MaxMarkerLabelLength - 1)] + "…";

    public static string Label(string text) => text.Length <= MaxLabelLength ? text : text[..(MaxLabelLength - 1)] + "…";
}
