using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FeedbackDashboard.Client.Tests;

/// <summary>The .NET client against a real dashboard process: send, batch, retry, idempotency, shutdown, read-back.</summary>
[Collection(DashboardCollection.Name)]
public class FeedbackClientTests(DashboardProcess dashboard)
{
    private static FeedbackClientOptions Fast(FeedbackClientOptions? options = null)
    {
        options ??= new FeedbackClientOptions();
        options.FlushInterval = TimeSpan.FromMilliseconds(20);
        options.RetryDelay = TimeSpan.FromMilliseconds(50);
        return options;
    }

    private async Task<int> StoredCountAsync(string source)
    {
        using var api = dashboard.Api();
        var total = 0;
        string? cursor = null;
        do
        {
            var page = await api.GetFromJsonAsync<JsonObject>($"api/v1/feedback?source={source}&limit=500{(cursor is null ? "" : $"&cursor={cursor}")}");
            total += page!["items"]!.AsArray().Count;
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);
        return total;
    }

    [Fact]
    public async Task InteractionsAndFeedback_ArriveInBatches_WithTheirInteractionsInline()
    {
        var source = "dotnet-" + Guid.NewGuid().ToString("N")[..8];
        await using var client = new FeedbackClient(dashboard.Address, DashboardProcess.ApiKey, Fast());

        for (var i = 0; i < 300; i++)
        {
            await client.RecordInteractionAsync($"{source}-{i}", $"Question {i % 7}?", "An answer.", source, metadata: new Dictionary<string, string> { ["model"] = "m1" });
            await client.SendFeedbackAsync($"{source}-{i}", i % 3 == 0 ? FeedbackType.Negative : FeedbackType.Positive, comment: i % 3 == 0 ? "Not quite" : null);
        }
        await client.RecordInteractionAsync($"{source}-alone", "Asked, never rated?", source: source);
        await client.SendFeedbackAsync($"{source}-1", FeedbackType.Rating, 4);
        await client.SendFeedbackAsync($"{source}-2", FeedbackType.Correction, "The right answer.", correctionKind: CorrectionKind.Knowledge);
        await client.FlushAsync();

        Assert.Equal(302, client.Delivered);
        Assert.Equal(0, client.Dropped);
        Assert.Equal(302, await StoredCountAsync(source));
        using var api = dashboard.Api();
        var alone = await api.GetFromJsonAsync<JsonObject>($"api/v1/interactions/{source}-alone");
        Assert.Equal("Asked, never rated?", (string)alone!["query"]!);
        var rated = await api.GetFromJsonAsync<JsonObject>($"api/v1/interactions/{source}-1");
        Assert.Equal("m1", (string)rated!["metadata"]!["model"]!);
    }

    [Fact]
    public async Task AValueThatIsNotJson_IsDroppedAlone_AndTheSenderGoesOn()
    {
        var source = "notjson-" + Guid.NewGuid().ToString("N")[..8];
        await using var client = new FeedbackClient(dashboard.Address, DashboardProcess.ApiKey, Fast());
        var cycle = new Node();
        cycle.Next = cycle;

        await client.RecordInteractionAsync($"{source}-0", "Is this JSON?", source: source);
        await client.SendFeedbackAsync($"{source}-0", FeedbackType.Rating, cycle); // carries the interaction inline, and cannot be written
        for (var i = 1; i < 6; i++)
        {
            await client.RecordInteractionAsync($"{source}-{i}", "Is this JSON?", source: source);
            await client.SendFeedbackAsync($"{source}-{i}", FeedbackType.Positive);
        }
        await client.FlushAsync();
        Assert.Equal((5, 1), (client.Delivered, client.Dropped));
        await client.SendFeedbackAsync($"{source}-1", FeedbackType.Rating, 5); // the sender is still alive
        await client.FlushAsync();

        Assert.Equal(6, client.Delivered);
        Assert.Equal(6, await StoredCountAsync(source));
        using var api = dashboard.Api();
        Assert.Equal("Is this JSON?", (string)(await api.GetFromJsonAsync<JsonObject>($"api/v1/interactions/{source}-0"))!["query"]!);
    }

    [Fact]
    public async Task AWrongKey_IsLoggedOnce_NotSilentlyDropped()
    {
        var logger = new ListLogger();
        await using var client = new FeedbackClient(dashboard.Address, "fdk_not-a-key", Fast(), logger);

        for (var i = 0; i < 3; i++)
        {
            await client.SendFeedbackAsync($"wrong-key-{i}", FeedbackType.Positive);
            await client.FlushAsync();
        }

        Assert.Equal(3, client.Dropped);
        var warning = Assert.Single(logger.Messages); // once a minute for each kind of failure
        Assert.Contains("401", warning);
        Assert.Contains("check the API key", warning);
    }

    private sealed class ListLogger : Microsoft.Extensions.Logging.ILogger
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => Messages.Enqueue(formatter(state, exception));
    }

    private sealed class Node
    {
        public Node? Next { get; set; }
    }

    [Fact]
    public async Task ABusyServer_IsRetriedAfterItsRetryAfter_AndNothingIsLost()
    {
        var source = "busy-" + Guid.NewGuid().ToString("N")[..8];
        await using var proxy = await FaultProxy.StartAsync(dashboard.Address, refuseFirst: 2);
        await using var client = new FeedbackClient(proxy.Address, DashboardProcess.ApiKey, Fast());

        for (var i = 0; i < 20; i++)
        {
            await client.RecordInteractionAsync($"{source}-{i}", "Is it busy?", source: source);
            await client.SendFeedbackAsync($"{source}-{i}", FeedbackType.Positive);
        }
        await client.FlushAsync();

        Assert.Equal(20, client.Delivered);
        Assert.Equal(20, await StoredCountAsync(source));
        Assert.True(proxy.Posts >= 3, $"{proxy.Posts} posts");
    }

    [Fact]
    public async Task AnAnswerLostOnTheWayBack_IsRetriedWithTheSameIds_AndStoredOnce()
    {
        var source = "lost-" + Guid.NewGuid().ToString("N")[..8];
        await using var proxy = await FaultProxy.StartAsync(dashboard.Address, forwardThenFailFirst: 1);
        await using var client = new FeedbackClient(proxy.Address, DashboardProcess.ApiKey, Fast());

        var keys = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            await client.RecordInteractionAsync($"{source}-{i}", "Was it stored twice?", source: source);
            keys.Add(await client.SendFeedbackAsync($"{source}-{i}", FeedbackType.Negative));
        }
        await client.FlushAsync();

        Assert.Equal(10, keys.Distinct().Count());
        Assert.Equal(10, client.Delivered);
        Assert.Equal(10, await StoredCountAsync(source)); // the first try was stored; the retry replayed it
    }

    [Fact]
    public async Task TheHost_FlushesTheQueueOnShutdown_WithOptionsFromConfiguration()
    {
        var source = "host-" + Guid.NewGuid().ToString("N")[..8];
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FeedbackDashboard:BaseUrl"] = dashboard.Address.ToString(),
            ["FeedbackDashboard:ApiKey"] = DashboardProcess.ApiKey,
            ["FeedbackDashboard:FlushInterval"] = "00:00:05", // long: only the shutdown sends them
        });
        builder.Services.AddFeedbackDashboardClient();
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IFeedbackClient>();

        for (var i = 0; i < 25; i++)
        {
            await client.RecordInteractionAsync($"{source}-{i}", "Sent at shutdown?", source: source);
            await client.SendFeedbackAsync($"{source}-{i}", FeedbackType.Positive);
        }
        await host.StopAsync();

        Assert.Equal(25, await StoredCountAsync(source));
    }

    [Fact]
    public async Task AFullQueue_DropsAndCounts_AndTheCallerIsNeverBlocked()
    {
        var unreachable = new Uri($"http://127.0.0.1:{DashboardProcess.FreePort()}/");
        await using var client = new FeedbackClient(unreachable, DashboardProcess.ApiKey,
            Fast(new FeedbackClientOptions { MaxQueueSize = 10, MaxAttempts = 2 }));

        var calls = Stopwatch.StartNew();
        for (var i = 0; i < 1_000; i++)
        {
            await client.SendFeedbackAsync($"nowhere-{i}", FeedbackType.Positive);
        }
        calls.Stop();

        // At most the queue (10) and one batch the sender holds (500) were taken; the rest was dropped at the door.
        Assert.True(client.Dropped >= 1_000 - 10 - 500, $"dropped {client.Dropped}");
        Assert.True(calls.Elapsed < TimeSpan.FromSeconds(5), $"1,000 calls took {calls.Elapsed}"); // they queue or drop; none waits for the network
        await client.FlushAsync(); // what was taken gives up after its tries
        Assert.Equal(1_000, client.Dropped);
        Assert.Equal(0, client.Delivered);
    }

    [Fact]
    public async Task ReadBack_UsesTheETag_AndAnswers304FromTheCache()
    {
        var source = "read-" + Guid.NewGuid().ToString("N")[..8];
        await using var client = new FeedbackClient(dashboard.Address, DashboardProcess.ApiKey, Fast());

        var first = await client.KnowledgeAsync(source);
        var second = await client.KnowledgeAsync(source);
        var instructions = await client.InstructionsAsync(source);

        Assert.Empty(first);
        Assert.Same(first, second); // the 304 answered from the cache
        Assert.Null(instructions); // nothing published for this source
    }

    [Fact]
    public async Task ReadBack_AnswersTheLastVersionRead_WhenTheDashboardIsOutOfReach()
    {
        var logger = new ListLogger();
        var proxy = await FaultProxy.StartAsync(dashboard.Address);
        await using var client = new FeedbackClient(proxy.Address, DashboardProcess.ApiKey, Fast(), logger);
        var knowledge = await client.KnowledgeAsync();
        await proxy.DisposeAsync();

        Assert.Same(knowledge, await client.KnowledgeAsync());
        Assert.Contains(logger.Messages, m => m.Contains("answering with the last version read", StringComparison.Ordinal));
        // A client that read nothing before says so.
        await using var fresh = new FeedbackClient(proxy.Address, DashboardProcess.ApiKey, Fast());
        await Assert.ThrowsAsync<FeedbackClientException>(() => fresh.KnowledgeAsync());
    }

    [Fact]
    public async Task ReadBack_OfPublishedInstructions_Answers304UntilANewVersionIsPublished()
    {
        var source = "published-" + Guid.NewGuid().ToString("N")[..8];
        var admin = await dashboard.AdminAsync();
        async Task PublishAsync(string text)
        {
            var draft = await admin.PutAsJsonAsync($"api/v1/instructions/{source}/draft", new { text });
            Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
            var version = (int)(await draft.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;
            Assert.True((await admin.PostAsync($"api/v1/instructions/{source}/versions/{version}/publish", null)).IsSuccessStatusCode);
        }
        await using var client = new FeedbackClient(dashboard.Address, DashboardProcess.ApiKey, Fast());

        await PublishAsync("Answer in two sentences.");
        var first = await client.InstructionsAsync(source);
        var cached = await client.InstructionsAsync(source);
        await PublishAsync("Answer in two sentences; link the handbook.");
        var newer = await client.InstructionsAsync(source);

        Assert.Equal("Answer in two sentences.", first!.Text);
        Assert.Same(first, cached); // 304: from the client's cache
        Assert.Equal("Answer in two sentences; link the handbook.", newer!.Text);
        Assert.Equal(first.Version + 1, newer.Version);
    }

    [Fact]
    public async Task SynchronousMode_SendsInsideTheCall_AndSaysWhenTheServerRefuses()
    {
        var source = "sync-" + Guid.NewGuid().ToString("N")[..8];
        await using var client = new FeedbackClient(dashboard.Address, DashboardProcess.ApiKey, Fast(new FeedbackClientOptions { Synchronous = true }));

        await client.RecordInteractionAsync($"{source}-1", "Scripted?", source: source);
        await client.SendFeedbackAsync($"{source}-1", FeedbackType.Rating, 5);
        var refused = await Assert.ThrowsAsync<FeedbackClientException>(() => client.SendFeedbackAsync($"{source}-never-recorded", FeedbackType.Positive).AsTask());

        Assert.Equal(1, await StoredCountAsync(source));
        Assert.Contains("never-recorded", refused.Message);
    }
}
