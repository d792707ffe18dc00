using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace FeedbackDashboard.Browser.Tests.ScaleOut;

/// <summary>The app killed (SIGKILL) in the middle of a load: whatever it acknowledged is there after the restart, and sending it all again adds nothing.</summary>
public class CrashTests : IAsyncLifetime
{
    private const string ApiKey = "fdk_crash-test-key-0123456789abcdefghijklmn";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "feedback-crash", Guid.NewGuid().ToString("N"));

    private Dictionary<string, string> Settings => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ConnectionStrings__Feedback"] = $"Data Source={Path.Combine(_directory, "feedback.db")}",
        ["Bootstrap__IngestApiKey"] = ApiKey,
        ["Demo__Seed"] = "false",
        ["Clustering__RunAtStart"] = "false",
        ["Clustering__IntervalMinutes"] = "0",
        ["RateLimiting__IngestPermitsPerSecond"] = "0",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        return Task.CompletedTask;
    }

    private static object Body(string id) => new
    {
        id, interactionId = id, type = "negative",
        interaction = new { id, query = "Why was I charged twice?", response = "An answer.", source = "crash-test" },
    };

    [Fact]
    public async Task KilledMidLoad_EveryAcknowledgedItemIsStored_AndResendingAddsNothing()
    {
        var acknowledged = new ConcurrentBag<string>();
        var sent = new ConcurrentBag<string>();
        await using (var app = await AppInstance.StartAsync("crash", Settings))
        {
            using var api = app.CreateApiClient(ApiKey);
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 16).Select(sender => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var id = $"crash-{sender}-{n}";
                    sent.Add(id);
                    try
                    {
                        var response = await api.PostAsJsonAsync("/api/v1/feedback", Body(id), stop.Token);
                        if (response.StatusCode == HttpStatusCode.Accepted)
                        {
                            acknowledged.Add(id);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                    {
                        return; // the process is gone
                    }
                }
            })).ToList();
            // Mid-load: once a good number are acknowledged (a fixed 2 s was too few on a machine busy with the other test projects).
            var loading = System.Diagnostics.Stopwatch.StartNew();
            while (acknowledged.Count <= 200 && loading.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }
            await app.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(senders);
        }
        Assert.True(acknowledged.Count > 100, $"only {acknowledged.Count} acknowledged before the kill");

        await using var restarted = await AppInstance.StartAsync("restarted", Settings);
        var stored = StoredIds();
        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged items lost, e.g. {string.Join(", ", lost.Take(3))}");

        using var again = restarted.CreateApiClient(ApiKey);
        var replays = new ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(acknowledged, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, ct) =>
            replays.Add((await again.PostAsJsonAsync("/api/v1/feedback", Body(id), ct)).StatusCode));
        Assert.All(replays, status => Assert.Equal(HttpStatusCode.OK, status)); // replayed, not stored again
        Assert.Equal(stored.Count, StoredIds().Count);
    }

    private HashSet<string> StoredIds()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "feedback.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ClientId FROM Feedback";
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}
