using FeedbackDashboard.Components.Shared.Charts;
using FeedbackDashboard.Features.Segments;

namespace FeedbackDashboard.Components.Pages.Insights;

/// <summary>The segment card's chart: the positive rate of each value a day, the busiest values only.</summary>
public static class SegmentCharts
{
    public const int MaxLines = 6;

    public static readonly ChartOptions Lines = new(
        ChartKind.Mixed, 300, [new ChartAxis("Positive rate", 0, 1, Format: ValueFormat.Percent)], DateAxis: true,
        Colors: ["#3f51b5", "#e53935", "#43a047", "#ffb300", "#8e24aa", "#00897b"], NoDataText: "No feedback with this metadata in this window");

    public static IReadOnlyList<ChartSeries> Series(SegmentInsights answer) =>
        answer.Items.Take(MaxLines)
            .Select(item => new ChartSeries(item.Value,
                item.Daily.Select(d => new ChartPoint(new DateTimeOffset(d.Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds(), d.PositiveRate)).ToList(),
                "line", 0, ValueFormat.Percent))
            .ToList();
}
