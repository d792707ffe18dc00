using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Bench;

/// <summary>
/// `bench/run.sh pipeline`: the real app (Release, its own process, SQLite), fed Banking77's questions
/// as thumbs-up/down through POST /api/v1/feedback. Steady phase: a fixed rate for some seconds; the
/// delay from ingest to trigger is read per item from the database (ProcessedAt - CreatedAt, both the
/// app's clock), beside the baseline of the same run: how long the POST itself took (the acknowledgement).
/// Burst phase: every question at once from 32 connections; how fast ingest takes them and how fast the
/// pipeline (embedding, patterns, triggers) drains them. Then mixed feedback at 2,000 a second (<see cref="MixedLoad"/>),
/// its lag by the second it arrived. Every acknowledged item must be stored and processed.
/// </summary>
public static class PipelineBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rate = Measure.Option(args, "--rate", 50);
        var seconds = Measure.Option(args, "--seconds", 20);
        var (texts, _) = LabelledCsv.Read(ClusteringBenchmark.DefaultFile);
        await using var app = await AppProcess.StartAsync(("RateLimiting__IngestPermitsPerSecond", "1000000"), ("Pipeline__MaxBacklog", "10000000"),
            ("Pipeline__BatchSize", Measure.Option(args, "--batch-size", new PipelineOptions().BatchSize).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using var client = app.CreateApiClient();
        Console.WriteLine($"pipeline: app at {app.Address}; steady {rate}/s for {seconds} s, then a burst of {texts.Count:N0}");

        await PostAsync(client, "warm-up question", 0); // the first request pays for JIT and the model load
        await WaitDrainedAsync(app, TimeSpan.FromSeconds(60));

        var acks = new List<double>();
        var steadyIds = new List<string>();
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>();
        for (var i = 0; i < rate * seconds; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            var text = texts[i % texts.Count];
            sends.Add(Task.Run(async () =>
            {
                var sent = Stopwatch.GetTimestamp();
                var id = await PostAsync(client, text, i);
                lock (acks)
                {
                    acks.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    steadyIds.Add(id);
                }
            }));
        }
        await Task.WhenAll(sends);
        await WaitDrainedAsync(app, TimeSpan.FromMinutes(2));
        var lags = await LagsAsync(app, steadyIds);

        var burst = texts.Select((t, i) => (Text: t, Index: 100_000 + i)).ToList();
        var burstClock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(burst, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (item, _) => await PostAsync(client, item.Text, item.Index));
        var ingestSeconds = burstClock.Elapsed.TotalSeconds;
        await WaitDrainedAsync(app, TimeSpan.FromMinutes(5));
        var drainSeconds = burstClock.Elapsed.TotalSeconds;

        var mixedRate = Measure.Option(args, "--mixed-rate", 2_000);
        var mixed = await MixedLoad.RunAsync(app, client, texts, mixedRate, Measure.Option(args, "--mixed-seconds", 30));

        var (stored, processed) = await CountAsync(app);
        var acked = acks.Count + burst.Count + 1 + mixed.Sent;
        acks.Sort();
        lags.Sort();
        Console.WriteLine($"pipeline: baseline, the acknowledgement (POST round trip): p50 {Measure.Percentile(acks, 0.5):0.0} ms, p99 {Measure.Percentile(acks, 0.99):0.0} ms");
        Console.WriteLine($"pipeline: ingest to trigger (stored ProcessedAt - CreatedAt) at {rate}/s: p50 {Measure.Percentile(lags, 0.5):0.0} ms, p99 {Measure.Percentile(lags, 0.99):0.0} ms, max {lags[^1]:0.0} ms");
        Console.WriteLine($"pipeline: burst of {burst.Count:N0}: ingested at {burst.Count / ingestSeconds:N0}/s, the pipeline done after {drainSeconds:0.0} s ({burst.Count / drainSeconds:N0} items/s)");
        Console.WriteLine($"pipeline: mixed feedback at {mixed.PerSecond:N0}/s (asked {mixedRate:N0}/s; a fifth negative with a comment to embed), batches of {mixedRate / 20:N0}: " +
            $"lag p50 {Measure.Percentile(mixed.Lags, 0.5):0} ms, p99 {Measure.Percentile(mixed.Lags, 0.99):0} ms, drained {mixed.DrainSeconds:0.0} s after the last batch");
        Console.WriteLine("pipeline: the mixed load's lag by the second it arrived (p50 / p99 ms): " +
            string.Join("  ", mixed.BySecond.Select(s => $"{s.Second}s {s.P50:0}/{s.P99:0}")));
        Console.WriteLine($"pipeline: {acked:N0} acknowledged, {stored:N0} stored, {processed:N0} processed");
        Console.WriteLine();
        Console.WriteLine($"pipeline.ack_p50_ms = {Measure.Figure(Measure.Percentile(acks, 0.5))}");
        Console.WriteLine($"pipeline.ack_p99_ms = {Measure.Figure(Measure.Percentile(acks, 0.99))}");
        Console.WriteLine($"pipeline.lag_p50_ms = {Measure.Figure(Measure.Percentile(lags, 0.5))}");
        Console.WriteLine($"pipeline.lag_p99_ms = {Measure.Figure(Measure.Percentile(lags, 0.99))}");
        Console.WriteLine($"pipeline.burst_ingest_per_s = {Measure.Figure(burst.Count / ingestSeconds, 0)}");
        Console.WriteLine($"pipeline.burst_drain_per_s = {Measure.Figure(burst.Count / drainSeconds, 0)}");
        var thirds = mixed.BySecond.Count / 3;
        Console.WriteLine($"pipeline.mixed_per_s = {Measure.Figure(mixed.PerSecond, 0)}");
        Console.WriteLine($"pipeline.mixed_lag_p50_ms = {Measure.Figure(Measure.Percentile(mixed.Lags, 0.5))}");
        Console.WriteLine($"pipeline.mixed_lag_p99_ms = {Measure.Figure(Measure.Percentile(mixed.Lags, 0.99))}");
        Console.WriteLine($"pipeline.mixed_lag_first_third_p50_ms = {Measure.Figure(mixed.BySecond.Take(thirds).Select(s => s.P50).DefaultIfEmpty().Average())}");
        Console.WriteLine($"pipeline.mixed_lag_last_third_p50_ms = {Measure.Figure(mixed.BySecond.TakeLast(thirds).Select(s => s.P50).DefaultIfEmpty().Average())}");
        Console.WriteLine($"pipeline.mixed_drain_s = {Measure.Figure(mixed.DrainSeconds)}");
        Console.WriteLine($"pipeline.mixed_processed_per_s = {Measure.Figure(mixed.ProcessedPerSecond, 0)}");
        Console.WriteLine($"pipeline.mixed_lag_slope_ms_per_s = {Measure.Figure(mixed.LagSlopeMsPerSecond)}");
        Console.WriteLine($"pipeline.acked = {acked}");
        Console.WriteLine($"pipeline.stored = {stored}");
        Console.WriteLine($"pipeline.processed = {processed}");
        return stored == acked && processed == acked ? 0 : 1;
    }

    private static async Task<string> PostAsync(HttpClient client, string query, int index)
    {
        var interactionId = $"bench-{index}-{Guid.NewGuid():N}";
        var response = await client.PostAsJsonAsync("/api/v1/feedback", new
        {
            interactionId,
            type = index % 3 == 0 ? "negative" : "positive",
            interaction = new { id = interactionId, query, response = "An answer.", source = "bench" },
        });
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<Acknowledgement>())!.Id;
    }

    private sealed record Acknowledgement(string Id);

    public static async Task WaitDrainedAsync(AppProcess app, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using (var db = app.OpenDatabase())
            {
                if (!await db.Feedback.AnyAsync(f => f.ProcessedAt == null))
                {
                    return;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The pipeline did not drain.");
            }
            await Task.Delay(20);
        }
    }

    private static async Task<List<double>> LagsAsync(AppProcess app, List<string> ids)
    {
        await using var db = app.OpenDatabase();
        var rows = await db.Feedback.Where(f => ids.Contains(f.ClientId!)).Select(f => new { f.CreatedAt, f.ProcessedAt }).ToListAsync();
        return rows.Select(r => (r.ProcessedAt!.Value - r.CreatedAt).TotalMilliseconds).ToList();
    }

    private static async Task<(int Stored, int Processed)> CountAsync(AppProcess app)
    {
        await using var db = app.OpenDatabase();
        return (await db.Feedback.CountAsync(), await db.Feedback.CountAsync(f => f.ProcessedAt != null));
    }
}
