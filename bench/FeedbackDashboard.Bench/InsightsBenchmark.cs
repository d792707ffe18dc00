using System.Diagnostics;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Audit;
using FeedbackDashboard.Features.Insights;
using FeedbackDashboard.Features.Issues;
using FeedbackDashboard.Features.Segments;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Bench;

/// <summary>
/// `bench/run.sh insights`: 30-day insights (the Overview's and GET /api/v1/insights' query) at
/// 1M feedback rows and at 10x that, beside a plain COUNT(*) over the feedback table in the same
/// run, and one metadata key's values side by side (segments). Insights read the daily aggregates, so they should not slow down as rows grow; COUNT(*)
/// shows what a scan of the raw rows would cost.
/// </summary>
public static class InsightsBenchmark
{
    private static readonly DateTimeOffset End = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = Measure.Option(args, "--rows", 1_000_000);
        var scale = Measure.Option(args, "--scale", 10);
        var days = Measure.Option(args, "--days", 90);
        var patterns = Measure.Option(args, "--patterns", 1_000);
        var showSql = args.Contains("--sql");
        var directory = Directory.CreateTempSubdirectory("feedback-bench-");
        var connectionString = $"Data Source={Path.Combine(directory.FullName, "insights.db")}";
        try
        {
            await using (var db = new SqliteFeedbackDbContext(DesignTime.Options<SqliteFeedbackDbContext>().UseSqlite(connectionString).Options))
            {
                await db.Database.MigrateAsync();
            }
            var filler = new FeedbackFiller(connectionString, patterns, days, End, seed: 42);
            await filler.CreatePatternsAsync();
            var contexts = new BenchContextFactory(connectionString, showSql);
            var clock = new FixedClock(End);
            var reader = new InsightsReader(contexts, new IssueQueries(contexts), clock);
            var segments = new SegmentQueries(contexts, new SegmentSettingsStore(contexts, Options.Create(new SegmentOptions()), new AuditLog(clock), clock));

            Console.WriteLine($"insights: {rows:N0} feedback rows over {days} days, {patterns:N0} patterns, then {rows * scale:N0}");
            var fill = Stopwatch.StartNew();
            await filler.FillAsync(rows);
            var fillSeconds = fill.Elapsed.TotalSeconds;
            Console.WriteLine($"insights: filled {rows:N0} rows in {fillSeconds:0.0} s ({rows / fillSeconds:N0} rows/s, raw prepared inserts, 50k a transaction)");
            var (small, smallCount, smallSegments) = await MeasureAsync(reader, segments, filler, rows);

            var grow = Stopwatch.StartNew();
            await filler.FillAsync(rows * (scale - 1));
            Console.WriteLine($"insights: added {rows * (scale - 1):N0} rows in {grow.Elapsed.TotalSeconds:0.0} s");
            var (large, largeCount, largeSegments) = await MeasureAsync(reader, segments, filler, rows * scale);

            Console.WriteLine();
            Console.WriteLine($"insights.fill_rows_per_s = {Measure.Figure(rows / fillSeconds)}");
            Console.WriteLine($"insights.ms_30d_1m = {Measure.Figure(small)}");
            Console.WriteLine($"insights.count_ms_1m = {Measure.Figure(smallCount)}");
            Console.WriteLine($"insights.ms_30d_10m = {Measure.Figure(large)}");
            Console.WriteLine($"insights.count_ms_10m = {Measure.Figure(largeCount)}");
            Console.WriteLine($"insights.ratio_10m_to_1m = {Measure.Figure(large / small)}");
            Console.WriteLine($"insights.segments_ms_1m = {Measure.Figure(smallSegments)}");
            Console.WriteLine($"insights.segments_ms_10m = {Measure.Figure(largeSegments)}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static async Task<(double InsightsMs, double CountMs, double SegmentsMs)> MeasureAsync(InsightsReader reader, SegmentQueries segments,
        FeedbackFiller filler, long expectedRows)
    {
        var counted = await filler.CountAsync();
        if (counted != expectedRows)
        {
            throw new InvalidOperationException($"expected {expectedRows} rows, found {counted}");
        }
        var insights = await reader.ReadAsync(30, null, CancellationToken.None);
        var insightsMs = await Measure.MedianMsAsync(() => reader.ReadAsync(30, null, CancellationToken.None));
        var countMs = await Measure.MedianMsAsync(filler.CountAsync, runs: 5, warmup: 1);
        Console.WriteLine(
            $"insights: at {expectedRows:N0} rows: 30-day insights median {insightsMs:0.00} ms (20 runs after warm-up; {insights.TotalFeedback:N0} items in the window, " +
            $"positive rate {insights.PositiveRate:P1}) | baseline COUNT(*) over the feedback table median {countMs:0.00} ms");
        var window = InsightWindow.LastDays(30, End);
        var byVersion = await segments.ReadAsync("promptVersion", window, null);
        var segmentsMs = await Measure.MedianMsAsync(() => segments.ReadAsync("promptVersion", window, null));
        Console.WriteLine(
            $"insights: at {expectedRows:N0} rows: 30-day segments by promptVersion median {segmentsMs:0.00} ms ({byVersion.Items.Count} values, " +
            $"{byVersion.Items.Sum(i => i.TotalFeedback):N0} items; the same window's insights: {insightsMs:0.00} ms, a raw COUNT(*): {countMs:0.00} ms)");
        if (byVersion.Items.Sum(i => i.TotalFeedback) != insights.TotalFeedback)
        {
            throw new InvalidOperationException("the segments do not add up to the window's feedback");
        }
        return (insightsMs, countMs, segmentsMs);
    }
}
