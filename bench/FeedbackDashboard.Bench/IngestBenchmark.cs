using System.Text;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Bench;

/// <summary>
/// `bench/run.sh ingest [--connections 64] [--seconds 20] [--warmup 15]`: the real app (Release, its own process,
/// SQLite) under a closed-loop load of single feedback posts with their interaction inline (a fifth of them
/// negative with a comment of their own, which the pipeline embeds), through
/// POST /api/v1/feedback with a valid key; in the same run, the same load against a bare endpoint of
/// the same app that binds the same body and answers 202 (the baseline). The ingest rate limit is off
/// for the run. Each instance is measured once its JIT has settled (<see cref="JitSettle"/>). Every 202 must be a row in the database.
/// </summary>
public static class IngestBenchmark
{
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(90);

    public static async Task<int> RunAsync(string[] args)
    {
        var connections = Measure.Option(args, "--connections", 64);
        var seconds = Measure.Option(args, "--seconds", 20);
        var warmup = TimeSpan.FromSeconds(Measure.Option(args, "--warmup", 15));
        var (texts, _) = LabelledCsv.Read(ClusteringBenchmark.DefaultFile);
        var queries = texts.Take(200).ToArray();
        var run = Guid.NewGuid().ToString("N")[..8];
        HttpRequestMessage Request(string path, int n)
        {
            var id = $"ing-{run}-{n}";
            // A fifth negative, each with a comment of its own: the pipeline embeds every one of them.
            var negative = n % 5 == 0;
            var query = System.Text.Json.JsonSerializer.Serialize(queries[Math.Abs(n) % queries.Length]);
            var comment = negative ? $",\"comment\":{System.Text.Json.JsonSerializer.Serialize($"{texts[Math.Abs(n / 5) % texts.Count]} (ticket {n})")}" : "";
            var body = $"{{\"id\":\"{id}\",\"interactionId\":\"{id}\",\"type\":\"{(negative ? "negative" : "positive")}\"{comment},\"interaction\":{{\"id\":\"{id}\",\"query\":{query},\"response\":\"An answer.\",\"source\":\"bench-ingest\"}}}}";
            return new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
        Console.WriteLine($"ingest: {connections} connections, {seconds} s measured a phase after at least {warmup.TotalSeconds:0} s of the same load and until the JIT has settled, the ingest rate limit off");

        // First an ingest-only instance (Pipeline:Enabled=false): the baseline (the bare endpoint), then
        // what the ingest path takes when it does not share the two cores with embedding and triggers.
        LoadGenerator.Result bare = LoadGenerator.Result.None, alone = LoadGenerator.Result.None;
        CpuCost bareCpu = CpuCost.None, aloneCpu = CpuCost.None;
        string ingestOnlyWarmUp;
        await using (var ingestOnly = await AppProcess.StartAsync(("RateLimiting__IngestPermitsPerSecond", "0"), ("Pipeline__Enabled", "false")))
        {
            using var client = ingestOnly.CreateApiClient();
            var round = 0;
            ingestOnlyWarmUp = await JitSettle.WarmUpAsync("ingest (ingest-only instance)", client, warmup, MaxWarmUp, async step =>
            {
                var offset = -10_000_000 * ++round;
                await LoadGenerator.RunAsync(client, connections, step / 2, n => Request(BenchHost.BarePath, n));
                await LoadGenerator.RunAsync(client, connections, step / 2, n => Request("/api/v1/feedback", offset - n));
            });
            // Alternated in two halves (bare, ingest, bare, ingest): on a shared machine a slow spell then
            // weighs on both sides of the ratio instead of on one.
            var half = TimeSpan.FromSeconds(seconds / 2.0);
            for (var part = 1; part <= 2; part++)
            {
                var offset = part * 10_000_000;
                var (b, bCpu) = await CpuCost.MeasureAsync(ingestOnly, () => LoadGenerator.RunAsync(client, connections, half, n => Request(BenchHost.BarePath, n)));
                var (a, aCpu) = await CpuCost.MeasureAsync(ingestOnly, () => LoadGenerator.RunAsync(client, connections, half, n => Request("/api/v1/feedback", n + offset)));
                (bare, bareCpu) = (bare.Plus(b), bareCpu.Plus(bCpu));
                (alone, aloneCpu) = (alone.Plus(a), aloneCpu.Plus(aCpu));
            }
        }

        // Then one instance doing everything, its pipeline working through what it takes meanwhile
        // (its backlog limit off too, so that it keeps taking feedback for the whole phase).
        await using var app = await AppProcess.StartAsync(("RateLimiting__IngestPermitsPerSecond", "0"), ("Pipeline__MaxBacklog", "10000000"));
        using var appClient = app.CreateApiClient();
        var warmUpRound = 0;
        var fullWarmUp = await JitSettle.WarmUpAsync("ingest (full instance)", appClient, warmup, MaxWarmUp, async step =>
        {
            var offset = -10_000_000 * ++warmUpRound;
            await LoadGenerator.RunAsync(appClient, connections, step, n => Request("/api/v1/feedback", offset - n));
        });
        var warmupStored = await CountAsync(app);
        var (real, realCpu) = await CpuCost.MeasureAsync(app, () => LoadGenerator.RunAsync(appClient, connections, TimeSpan.FromSeconds(seconds), n => Request("/api/v1/feedback", n)));
        var stored = await CountAsync(app) - warmupStored;

        Console.WriteLine($"ingest: ingest-only instance {ingestOnlyWarmUp}; full instance {fullWarmUp}");
        Console.WriteLine($"ingest: baseline, bare endpoint (bind + 202): {bare.PerSecond:N0} requests/s, p50 {bare.Percentile(0.5):0.0} ms, p99 {bare.Percentile(0.99):0.0} ms");
        Console.WriteLine($"ingest: POST /api/v1/feedback (stored before 202): {real.PerSecond:N0} requests/s, p50 {real.Percentile(0.5):0.0} ms, p99 {real.Percentile(0.99):0.0} ms, {real.Failed} not 202");
        Console.WriteLine($"ingest: ratio {real.PerSecond / bare.PerSecond:0.00}; {real.Accepted:N0} acknowledged, {stored:N0} stored");
        Console.WriteLine($"ingest: an ingest-only instance (pipeline elsewhere): {alone.PerSecond:N0} requests/s, p50 {alone.Percentile(0.5):0.0} ms, p99 {alone.Percentile(0.99):0.0} ms, ratio {alone.PerSecond / bare.PerSecond:0.00}");
        // Where the ratio comes from: the CPU each answered request took, the app's and the load generator's
        // (both on the same two cores).
        Console.WriteLine($"ingest: CPU a request (app + load generator): bare {bareCpu.AppMicroseconds(bare):0.0} + {bareCpu.LoadMicroseconds(bare):0.0} µs, " +
            $"ingest-only {aloneCpu.AppMicroseconds(alone):0.0} + {aloneCpu.LoadMicroseconds(alone):0.0} µs, full instance {realCpu.AppMicroseconds(real):0.0} + {realCpu.LoadMicroseconds(real):0.0} µs");
        Console.WriteLine();
        Console.WriteLine($"ingest.per_s = {Measure.Figure(real.PerSecond, 0)}");
        Console.WriteLine($"ingest.bare_per_s = {Measure.Figure(bare.PerSecond, 0)}");
        Console.WriteLine($"ingest.ratio = {Measure.Figure(real.PerSecond / bare.PerSecond, 3)}");
        Console.WriteLine($"ingest.p50_ms = {Measure.Figure(real.Percentile(0.5))}");
        Console.WriteLine($"ingest.p99_ms = {Measure.Figure(real.Percentile(0.99))}");
        Console.WriteLine($"ingest.bare_p99_ms = {Measure.Figure(bare.Percentile(0.99))}");
        Console.WriteLine($"ingest.ingest_only_per_s = {Measure.Figure(alone.PerSecond, 0)}");
        Console.WriteLine($"ingest.ingest_only_ratio = {Measure.Figure(alone.PerSecond / bare.PerSecond, 3)}");
        Console.WriteLine($"ingest.ingest_only_p99_ms = {Measure.Figure(alone.Percentile(0.99))}");
        Console.WriteLine($"ingest.app_cpu_us = {Measure.Figure(realCpu.AppMicroseconds(real))}");
        Console.WriteLine($"ingest.ingest_only_app_cpu_us = {Measure.Figure(aloneCpu.AppMicroseconds(alone))}");
        Console.WriteLine($"ingest.bare_app_cpu_us = {Measure.Figure(bareCpu.AppMicroseconds(bare))}");
        Console.WriteLine($"ingest.acked = {real.Accepted}");
        Console.WriteLine($"ingest.stored = {stored}");
        return real.Accepted == stored ? 0 : 1;
    }

    private static async Task<int> CountAsync(AppProcess app)
    {
        await using var db = app.OpenDatabase();
        return await db.Feedback.CountAsync(f => f.Source == "bench-ingest");
    }
}
