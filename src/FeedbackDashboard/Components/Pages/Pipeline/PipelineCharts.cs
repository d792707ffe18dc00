using FeedbackDashboard.Components.Shared.Charts;
using FeedbackDashboard.Features.Pipeline;

namespace FeedbackDashboard.Components.Pages.Pipeline;

public static class PipelineCharts
{
    public static readonly ChartOptions Lag = new(
        ChartKind.Mixed, 260, [new ChartAxis("Milliseconds", Min: 0)], DateAxis: true,
        Colors: ["#3f51b5", "#e53935"], NoDataText: "No batches since the app started");

    /// <summary>Each batch's median and slowest delay from ingest to trigger, over time.</summary>
    public static IReadOnlyList<ChartSeries> LagSeries(IReadOnlyList<PipelineBatch> batches)
    {
        var withItems = batches.Where(b => b.Items > 0).ToList();
        if (withItems.Count == 0)
        {
            return [];
        }
        return
        [
            new("Median", withItems.Select(b => new ChartPoint(b.At.ToUnixTimeMilliseconds(), Math.Round(b.LagP50Ms, 1))).ToList(), "line"),
            new("Slowest", withItems.Select(b => new ChartPoint(b.At.ToUnixTimeMilliseconds(), Math.Round(b.LagMaxMs, 1))).ToList(), "line"),
        ];
    }
}
