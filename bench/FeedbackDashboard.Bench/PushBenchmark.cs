using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FeedbackDashboard.Features.Access;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Bench;

/// <summary>
/// `bench/run.sh push [--clients 1000] [--tasks 20] [--per-second 2]`: that many SignalR clients
/// signed in as a reviewer on the real app (Release, its own process) while feedback raises review
/// tasks at a steady rate; the latency from the 202 of the item that raised a task to each client's
/// ReviewTaskCreated. The baseline in the same run, before it: the same clients on the live feed,
/// single items posted at the same rate, from each item's 202 to its FeedbackReceived (pushed on the
/// acknowledgement, before the pipeline); then they leave the live feed.
/// </summary>
public static class PushBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var clientCount = Measure.Option(args, "--clients", 1_000);
        var taskCount = Measure.Option(args, "--tasks", 20);
        var perSecond = Measure.Option(args, "--per-second", 2);
        await using var app = await AppProcess.StartAsync(("RateLimiting__IngestPermitsPerSecond", "0"));
        var reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);
        var cookies = await SignIn.AsAsync(app.Address, reviewer.Email, reviewer.Password);

        var created = new ConcurrentDictionary<string, ConcurrentDictionary<int, long>>(); // pattern -> client -> timestamp
        var received = new ConcurrentDictionary<string, ConcurrentDictionary<int, long>>(); // feedback id -> client -> timestamp
        var disconnected = 0;
        var connections = new List<HubConnection>();
        var connect = Stopwatch.StartNew();
        for (var c = 0; c < clientCount; c++)
        {
            var client = c;
            var hub = new HubConnectionBuilder().WithUrl(new Uri(app.Address, "hubs/review"), o => o.Cookies = cookies).Build();
            hub.On<JsonElement>("ReviewTaskCreated", task =>
                created.GetOrAdd(task.GetProperty("patternKey").GetString()!, _ => new())[client] = Stopwatch.GetTimestamp());
            hub.On<JsonElement>("FeedbackReceived", item =>
                received.GetOrAdd(item.GetProperty("id").GetString()!, _ => new())[client] = Stopwatch.GetTimestamp());
            hub.Closed += _ => { Interlocked.Increment(ref disconnected); return Task.CompletedTask; };
            connections.Add(hub);
        }
        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (hub, ct) =>
        {
            await hub.StartAsync(ct);
            await hub.InvokeAsync("JoinLiveFeed", ct);
        });
        Console.WriteLine($"push: {clientCount:N0} reviewer clients connected in {connect.Elapsed.TotalSeconds:0.0} s; {taskCount} tasks at {perSecond}/s");

        using var api = app.CreateApiClient();
        var run = Guid.NewGuid().ToString("N")[..8];
        var raisedAt = new ConcurrentDictionary<string, long>();
        var ackedAt = new ConcurrentDictionary<string, long>();
        async Task<string> PostAsync(string pattern, int n)
        {
            var id = $"push-{run}-{pattern}-{n}";
            var response = await api.PostAsJsonAsync("/api/v1/feedback", new
            {
                id, interactionId = id, type = "negative",
                interaction = new { id, query = $"Push question {pattern}", response = "An answer.", source = "bench-push", pattern },
            });
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"POST answered {(int)response.StatusCode}");
            }
            ackedAt[id] = Stopwatch.GetTimestamp();
            return id;
        }

        // Warm-up, not measured: the first task an app raises compiles its queries (about 100 ms).
        var warmUp = $"warm{run}";
        for (var n = 0; n < 5; n++)
        {
            await PostAsync(warmUp, n);
        }
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < TimeSpan.FromSeconds(20) && (!created.TryGetValue(warmUp, out var got) || got.Count < clientCount))
        {
            await Task.Delay(100);
        }

        // Baseline: single items at the same rate, each pushed to the live feed on its acknowledgement.
        var feed = Stopwatch.StartNew();
        for (var i = 0; i < taskCount; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)perSecond);
            if (due > feed.Elapsed)
            {
                await Task.Delay(due - feed.Elapsed);
            }
            await PostAsync($"feed{run}-{i}", 0);
        }
        await Task.Delay(1_000);
        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (hub, ct) => await hub.InvokeAsync("LeaveLiveFeed", ct));

        // The measure: tasks raised at that rate, reviewers not on the live feed (as the review queue is).
        var steady = Stopwatch.StartNew();
        var raising = new List<Task>();
        for (var t = 0; t < taskCount; t++)
        {
            var due = TimeSpan.FromSeconds(t / (double)perSecond);
            if (due > steady.Elapsed)
            {
                await Task.Delay(due - steady.Elapsed);
            }
            var pattern = $"p{run}-{t}";
            raising.Add(Task.Run(async () =>
            {
                for (var n = 0; n < 4; n++)
                {
                    await PostAsync(pattern, n);
                }
                await PostAsync(pattern, 4); // the fifth negative raises the task
                raisedAt[pattern] = Stopwatch.GetTimestamp();
            }));
        }
        await Task.WhenAll(raising);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20)
            && raisedAt.Keys.Any(p => !created.TryGetValue(p, out var got) || got.Count < clientCount))
        {
            await Task.Delay(100);
        }
        await Task.Delay(500); // late live-feed items

        var taskLatencies = raisedAt.SelectMany(r => created.TryGetValue(r.Key, out var got)
            ? got.Values.Select(at => Stopwatch.GetElapsedTime(r.Value, at).TotalMilliseconds) : []).Order().ToList();
        var missed = raisedAt.Keys.Sum(p => clientCount - (created.TryGetValue(p, out var got) ? got.Count : 0));
        var feedLatencies = ackedAt.Where(a => a.Key.Contains($"-feed{run}-", StringComparison.Ordinal)).SelectMany(a => received.TryGetValue(a.Key, out var got)
            ? got.Values.Select(at => Stopwatch.GetElapsedTime(a.Value, at).TotalMilliseconds) : []).Order().ToList();
        var dropped = Volatile.Read(ref disconnected); // before disposing, which closes them all
        var serverLags = await ServerLagsAsync(app, run);
        foreach (var hub in connections)
        {
            await hub.DisposeAsync();
        }

        Console.WriteLine($"push: baseline, the live feed (pushed on the acknowledgement): p50 {Measure.Percentile(feedLatencies, 0.5):0.0} ms, p99 {Measure.Percentile(feedLatencies, 0.99):0.0} ms over {feedLatencies.Count:N0} deliveries");
        Console.WriteLine($"push: ReviewTaskCreated, from the triggering item's 202 (through the pipeline): p50 {Measure.Percentile(taskLatencies, 0.5):0.0} ms, p99 {Measure.Percentile(taskLatencies, 0.99):0.0} ms over {taskLatencies.Count:N0} deliveries; {missed} missed, {dropped} disconnected");
        Console.WriteLine($"push: of which the server's pipeline (the triggering item's ProcessedAt - CreatedAt): p50 {Measure.Percentile(serverLags, 0.5):0.0} ms, p99 {Measure.Percentile(serverLags, 0.99):0.0} ms");
        Console.WriteLine();
        Console.WriteLine($"push.p50_ms = {Measure.Figure(Measure.Percentile(taskLatencies, 0.5))}");
        Console.WriteLine($"push.p99_ms = {Measure.Figure(Measure.Percentile(taskLatencies, 0.99))}");
        Console.WriteLine($"push.feed_p50_ms = {Measure.Figure(Measure.Percentile(feedLatencies, 0.5))}");
        Console.WriteLine($"push.feed_p99_ms = {Measure.Figure(Measure.Percentile(feedLatencies, 0.99))}");
        Console.WriteLine($"push.clients = {clientCount - dropped}");
        Console.WriteLine($"push.missed = {missed}");
        return missed == 0 && dropped == 0 ? 0 : 1;
    }

    private static async Task<List<double>> ServerLagsAsync(AppProcess app, string run)
    {
        await using var db = app.OpenDatabase();
        var rows = await db.Feedback.Where(f => f.ClientId!.StartsWith($"push-{run}-p") && f.ClientId.EndsWith("-4") && f.ProcessedAt != null)
            .Select(f => new { f.CreatedAt, f.ProcessedAt }).ToListAsync();
        return rows.Select(r => (r.ProcessedAt!.Value - r.CreatedAt).TotalMilliseconds).Order().ToList();
    }
}
