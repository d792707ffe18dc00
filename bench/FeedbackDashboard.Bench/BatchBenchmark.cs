using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FeedbackDashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace FeedbackDashboard.Bench;

/// <summary>
/// `bench/run.sh batch [--connections 4] [--seconds 10]`: POST /api/v1/feedback/batch with 1,000 items
/// a request (each with its interaction inline) against an ingest-only instance of the real app
/// (Release, its own process, SQLite; the pipeline is off there, as on a dedicated ingest node), beside
/// the baseline of the same run: the same rows (an interaction and a feedback item each) inserted into
/// the app's schema with raw prepared SQLite statements, 1,000 items a transaction.
/// </summary>
public static class BatchBenchmark
{
    private const int ItemsPerRequest = 1_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var connections = Measure.Option(args, "--connections", 4);
        var seconds = Measure.Option(args, "--seconds", 10);
        var raw = await RawInsertPerSecondAsync(TimeSpan.FromSeconds(seconds));

        await using var app = await AppProcess.StartAsync(("RateLimiting__IngestPermitsPerSecond", "0"), ("Pipeline__Enabled", "false"));
        using var client = app.CreateApiClient();
        var run = Guid.NewGuid().ToString("N")[..8];
        var counter = 0;
        HttpRequestMessage Request()
        {
            var n = Interlocked.Increment(ref counter);
            var body = new StringBuilder("{\"items\":[");
            for (var i = 0; i < ItemsPerRequest; i++)
            {
                var id = $"b-{run}-{n}-{i}";
                body.Append(i == 0 ? "" : ",").Append($"{{\"id\":\"{id}\",\"interactionId\":\"{id}\",\"type\":\"{(i % 4 == 0 ? "negative" : "positive")}\",")
                    .Append($"\"interaction\":{{\"id\":\"{id}\",\"query\":\"How do I export my data? {i % 50}\",\"response\":\"An answer.\",\"source\":\"bench-batch\"}}}}");
            }
            body.Append("]}");
            return new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback/batch") { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json") };
        }

        var stored = 0;
        var latencies = new List<double>();
        async Task LoadAsync(TimeSpan duration, bool count)
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
            {
                while (clock.Elapsed < duration)
                {
                    using var request = Request();
                    var sent = Stopwatch.GetTimestamp();
                    using var response = await client.SendAsync(request);
                    var result = await response.Content.ReadFromJsonAsync<JsonObject>();
                    if (count)
                    {
                        Interlocked.Add(ref stored, (int)result!["stored"]!);
                        lock (latencies)
                        {
                            latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                        }
                    }
                }
            })));
        }
        await LoadAsync(TimeSpan.FromSeconds(3), count: false);
        var measured = Stopwatch.StartNew();
        await LoadAsync(TimeSpan.FromSeconds(seconds), count: true);
        var perSecond = stored / measured.Elapsed.TotalSeconds;
        latencies.Sort();

        Console.WriteLine($"batch: baseline, raw prepared SQLite inserts of the same rows (1,000 items a transaction): {raw:N0} items/s");
        Console.WriteLine($"batch: POST /api/v1/feedback/batch, {ItemsPerRequest:N0} items a request, {connections} connections: {perSecond:N0} items/s, " +
            $"a request p50 {latencies[latencies.Count / 2]:0} ms; ratio {perSecond / raw:0.00}");
        Console.WriteLine();
        Console.WriteLine($"batch.per_s = {Measure.Figure(perSecond, 0)}");
        Console.WriteLine($"batch.raw_per_s = {Measure.Figure(raw, 0)}");
        Console.WriteLine($"batch.ratio = {Measure.Figure(perSecond / raw, 3)}");
        return 0;
    }

    /// <summary>An interaction and a feedback row an item, in a fresh database with the app's migrations.</summary>
    private static async Task<double> RawInsertPerSecondAsync(TimeSpan duration)
    {
        var directory = Directory.CreateTempSubdirectory("feedback-bench-raw-");
        var connectionString = $"Data Source={Path.Combine(directory.FullName, "raw.db")}";
        try
        {
            var (items, seconds) = (0, 0.0);
            await using (var db = new SqliteFeedbackDbContext(DesignTime.Options<SqliteFeedbackDbContext>().UseSqlite(connectionString).Options))
            {
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            // SQLite's own API, as the app's batch writer uses it: each statement prepared once, then bound and stepped a row at a time.
            var handle = connection.Handle!;
            Check(raw.sqlite3_prepare_v2(handle, "INSERT INTO Interactions (Id, Query, Response, Source, Metadata, CreatedAt) VALUES (?1, ?2, 'An answer.', 'bench-raw', '{}', ?3)", out var interaction), handle);
            Check(raw.sqlite3_prepare_v2(handle, "INSERT INTO Feedback (ClientId, InteractionId, Type, CreatedAt, Source) VALUES (?1, ?1, ?2, ?3, 'bench-raw')", out var feedback), handle);
            using (interaction)
            using (feedback)
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < duration)
                {
                    Check(raw.sqlite3_exec(handle, "BEGIN"), handle);
                    for (var i = 0; i < ItemsPerRequest; i++, items++)
                    {
                        var key = $"raw-{items}";
                        raw.sqlite3_reset(interaction);
                        raw.sqlite3_bind_text(interaction, 1, key);
                        raw.sqlite3_bind_text(interaction, 2, $"How do I export my data? {i % 50}");
                        raw.sqlite3_bind_int64(interaction, 3, now + items);
                        Step(interaction, handle);
                        raw.sqlite3_reset(feedback);
                        raw.sqlite3_bind_text(feedback, 1, key);
                        raw.sqlite3_bind_int64(feedback, 2, i % 4 == 0 ? 2 : 1);
                        raw.sqlite3_bind_int64(feedback, 3, now + items);
                        Step(feedback, handle);
                    }
                    Check(raw.sqlite3_exec(handle, "COMMIT"), handle);
                }
                seconds = clock.Elapsed.TotalSeconds;
            }
            return items / seconds;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static void Step(sqlite3_stmt statement, sqlite3 handle)
    {
        var result = raw.sqlite3_step(statement);
        if (result != raw.SQLITE_DONE)
        {
            Check(result, handle);
        }
    }

    private static void Check(int result, sqlite3 handle)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, handle);
        }
    }
}
