namespace FeedbackDashboard.Components.Shared.Charts;

/// <summary>What kind of chart: the ApexCharts type our JS module builds.</summary>
public enum ChartKind
{
    /// <summary>Series of their own types (line, column, area) over a shared x axis.</summary>
    Mixed,
    Bar,
    HorizontalBar,
}

/// <summary>How an axis or tooltip shows numbers; formatters live in the JS module (ApexCharts calls them in the browser).</summary>
public enum ValueFormat
{
    Number,
    Percent,
}

/// <param name="Title">Shown beside the axis.</param>
/// <param name="Opposite">On the right-hand side.</param>
public sealed record ChartAxis(string? Title = null, double? Min = null, double? Max = null, bool Opposite = false, ValueFormat Format = ValueFormat.Number);

/// <summary>A chart's shape: everything but the data, which changes without re-creating the chart.</summary>
/// <param name="Categories">The x values when the x axis is not dates (bar charts).</param>
/// <param name="DateAxis">Series points carry x as UTC milliseconds.</param>
/// <param name="NoDataText">What the chart says inside itself while there is nothing to draw.</param>
/// <param name="Clickable">Clicking a bar reports its category (OnCategoryClick).</param>
public sealed record ChartOptions(
    ChartKind Kind,
    int Height,
    IReadOnlyList<ChartAxis> YAxes,
    bool DateAxis = false,
    bool Stacked = false,
    IReadOnlyList<string>? Colors = null,
    string NoDataText = "No feedback in this window yet",
    bool Clickable = false);

/// <param name="Type">For mixed charts: "line", "column" or "area".</param>
/// <param name="Axis">Which of the chart's y axes the series is drawn against.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Data, string Type = "column", int Axis = 0, ValueFormat Format = ValueFormat.Number);

/// <param name="X">A category, or UTC milliseconds on a date axis.</param>
/// <param name="Y">Null leaves a gap (a day with no feedback has no positive rate).</param>
public sealed record ChartPoint(object X, double? Y);

/// <summary>A vertical line across a date axis with a label, such as a published change.</summary>
/// <param name="X">UTC milliseconds.</param>
public sealed record ChartMarker(long X, string Label, string Color = "#775dd0");
