using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackDashboard.Features.Access;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace FeedbackDashboard.Browser.Tests.ScaleOut;

/// <summary>Two real instances over one database and a real Redis: pushes cross instances, tasks are never duplicated, Redis may go away.</summary>
[Collection(ScaleOutCollection.Name)]
public class ScaleOutTests(ScaleOutFixture app) : IAsyncLifetime
{
    private static readonly DemoAccounts.Account Reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);
    private IPlaywright _playwright = default!;
    private IBrowser _browser = default!;

    public async Task InitializeAsync()
    {
        var chromium = await Chromium.EnsureInstalledAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private async Task<IPage> SignedInPageAsync(AppInstance instance)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = instance.Address.ToString(), ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.SignInAsync(Reviewer.Email, Reviewer.Password);
        return page;
    }

    /// <summary>A reviewer's SignalR client on the instance, with the cookies of a browser signed in there.</summary>
    private async Task<HubConnection> ReviewerHubAsync(AppInstance instance)
    {
        var page = await SignedInPageAsync(instance);
        var cookies = new CookieContainer();
        foreach (var cookie in await page.Context.CookiesAsync())
        {
            cookies.Add(instance.Address, new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, instance.Address.Host));
        }
        return new HubConnectionBuilder()
            .WithUrl(new Uri(instance.Address, "hubs/review"), o => o.Cookies = cookies)
            .WithAutomaticReconnect()
            .Build();
    }

    private static async Task<List<HttpResponseMessage>> PostNegativesAsync(AppInstance instance, string pattern, int count)
    {
        using var api = instance.CreateApiClient(ScaleOutFixture.ApiKey);
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < count; i++)
        {
            responses.Add(await PostNegativeAsync(api, pattern));
        }
        return responses;
    }

    private static Task<HttpResponseMessage> PostNegativeAsync(HttpClient api, string pattern)
    {
        var id = "scale-" + Guid.NewGuid().ToString("N");
        return api.PostAsJsonAsync("/api/v1/feedback", new
        {
            interactionId = id, type = "negative",
            interaction = new { id, query = $"Where is my invoice? ({pattern})", response = "An old answer.", source = "scale-out", pattern },
        });
    }

    [Fact]
    public async Task AReviewerConnectedToB_GetsTheTaskRaisedOnA_WithinASecond()
    {
        var pattern = "cross-" + Guid.NewGuid().ToString("N")[..8];
        await using var hub = await ReviewerHubAsync(app.B);
        var created = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("ReviewTaskCreated", task =>
        {
            if (task.GetProperty("patternKey").GetString() == pattern)
            {
                created.TrySetResult(task);
            }
        });
        await hub.StartAsync();

        using var api = app.A.CreateApiClient(ScaleOutFixture.ApiKey);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await PostNegativeAsync(api, pattern)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Accepted, (await PostNegativeAsync(api, pattern)).StatusCode);
        // That it arrives is the test's; how fast is bench/run.sh push's.
        var task = await created.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(5, task.GetProperty("relatedCount").GetInt32());
    }

    [Fact]
    public async Task AReviewersPageServedByB_ShowsTheTaskRaisedOnA_WithoutReload()
    {
        var pattern = "page-" + Guid.NewGuid().ToString("N")[..8];
        var page = await SignedInPageAsync(app.B);
        await page.GotoAsync("/review");
        await page.WaitForCircuitAsync();

        await PostNegativesAsync(app.A, pattern, 5);

        await Assertions.Expect(page.Locator("tr.mud-table-row", new() { HasText = $"({pattern})" })).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await page.ScreenshotStepAsync(nameof(AReviewersPageServedByB_ShowsTheTaskRaisedOnA_WithoutReload), 1, "pushed-from-a");
    }

    [Fact]
    public async Task TwoHundredConcurrentPostsSplitAcrossAAndB_LeaveExactlyOneTaskHoldingThemAll()
    {
        var pattern = "burst-" + Guid.NewGuid().ToString("N")[..8];
        using var apiA = app.A.CreateApiClient(ScaleOutFixture.ApiKey);
        using var apiB = app.B.CreateApiClient(ScaleOutFixture.ApiKey);

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => PostNegativeAsync(i % 2 == 0 ? apiA : apiB, pattern)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var tasks = await WaitForAsync(async () =>
        {
            var items = (await apiA.GetFromJsonAsync<JsonObject>("/api/v1/review-tasks?pageSize=500"))!["items"]!.AsArray()
                .Where(t => (string?)t!["patternKey"] == pattern).ToList();
            return items.Count == 1 && (int)items[0]!["relatedCount"]! == 200 ? items : null;
        }, TimeSpan.FromSeconds(60));
        var task = Assert.Single(tasks);
        Assert.Equal(200, (int)task!["negativeCount"]!);
    }

    [Fact]
    public async Task WithRedisStopped_IngestKeepsWorking_ReadinessSaysSo_AndPushesResumeWhenItIsBack()
    {
        using var apiA = app.A.CreateApiClient(ScaleOutFixture.ApiKey);
        using var apiB = app.B.CreateApiClient(ScaleOutFixture.ApiKey);
        await using var hub = await ReviewerHubAsync(app.B);
        var created = new List<string>();
        hub.On<JsonElement>("ReviewTaskCreated", task => { lock (created) { created.Add(task.GetProperty("patternKey").GetString()!); } });
        var states = new System.Collections.Concurrent.ConcurrentQueue<string>();
        hub.Reconnecting += e => { states.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} reconnecting ({e?.Message})"); return Task.CompletedTask; };
        hub.Reconnected += id => { states.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} reconnected"); return Task.CompletedTask; };
        // With the backplane gone the server may end the connection (joining the reviewers' group goes through
        // Redis). A client that wants pushes starts again after a close, as docs/api.md tells external clients
        // to; automatic reconnect covers only a lost transport.
        hub.Closed += async e =>
        {
            states.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} closed ({e?.Message})");
            while (e is not null && hub.State == HubConnectionState.Disconnected) // null: the test disposed it
            {
                await Task.Delay(500);
                try
                {
                    await hub.StartAsync();
                    states.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} started again");
                }
                catch (Exception startError)
                {
                    states.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} start failed ({startError.Message})");
                }
            }
        };
        await hub.StartAsync();

        states.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} stopping redis");
        await app.Redis.StopAsync();
        try
        {
            var during = "redis-down-" + Guid.NewGuid().ToString("N")[..8];
            var acknowledged = new List<HttpResponseMessage>();
            for (var i = 0; i < 5; i++)
            {
                acknowledged.Add(await PostNegativeAsync(i % 2 == 0 ? apiA : apiB, during));
            }
            Assert.All(acknowledged, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
            var readiness = await WaitForAsync(async () =>
            {
                var report = await apiA.GetFromJsonAsync<JsonObject>("/health/ready");
                return (string?)report!["checks"]!["redis"]!["status"] == "Degraded" ? report : null;
            }, TimeSpan.FromSeconds(15));
            Assert.Equal("Degraded", (string)readiness["status"]!);
            // Stored and processed all the same: the task exists, with every item.
            await WaitUntilAsync(async () => (await apiA.GetFromJsonAsync<JsonObject>("/api/v1/review-tasks?pageSize=500"))!["items"]!.AsArray()
                .Any(t => (string?)t!["patternKey"] == during && (int)t["relatedCount"]! == 5), TimeSpan.FromSeconds(15));
        }
        finally
        {
            await app.Redis.StartAgainAsync();
            states.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} redis started again");
        }

        // Readiness says Redis is back. Only its check is asked about: on this busy 2-core machine (two
        // apps, chromium, redis) the pipeline's own check may read Degraded for a moment, which is not
        // what this test is about.
        JsonObject? lastReport = null;
        try
        {
            await WaitForAsync(async () =>
            {
                lastReport = await apiA.GetFromJsonAsync<JsonObject>("/health/ready");
                return (string?)lastReport!["checks"]!["redis"]!["status"] == "Healthy" ? lastReport : null;
            }, TimeSpan.FromSeconds(30));
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}; the last readiness report: {lastReport?.ToJsonString()}");
        }
        // The backplane reconnects on its own; a task raised on A reaches the reviewer on B again.
        var after = "redis-back-" + Guid.NewGuid().ToString("N")[..8];
        states.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} redis healthy on A");
        try
        {
            await WaitUntilAsync(async () =>
            {
                await PostNegativesAsync(app.A, after, 5);
                await Task.Delay(500);
                lock (created)
                {
                    return created.Contains(after);
                }
            }, TimeSpan.FromSeconds(30), renewPattern: () => after = "redis-back-" + Guid.NewGuid().ToString("N")[..8]);
        }
        catch (Xunit.Sdk.XunitException e)
        {
            var tasksOnA = (await apiA.GetFromJsonAsync<JsonObject>("/api/v1/review-tasks?pageSize=500"))!["items"]!.AsArray()
                .Count(t => ((string?)t!["patternKey"])?.StartsWith("redis-back-", StringComparison.Ordinal) == true);
            throw new Xunit.Sdk.XunitException($"{e.Message}; hub state {hub.State}; {tasksOnA} redis-back tasks on A; " +
                $"received [{string.Join(", ", created)}]; events: {string.Join(" | ", states)}");
        }
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, Action? renewPattern = null,
        [System.Runtime.CompilerServices.CallerLineNumber] int line = 0) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            Assert.True(DateTime.UtcNow < deadline, $"not within {timeout.TotalSeconds} s (the wait at line {line})");
            renewPattern?.Invoke();
            await Task.Delay(100);
        }
    }

    private static Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Action? renewPattern = null,
        [System.Runtime.CompilerServices.CallerLineNumber] int line = 0) =>
        WaitForAsync(async () => await condition() ? "done" : null, timeout, renewPattern, line);
}

[CollectionDefinition(Name)]
public sealed class ScaleOutCollection : ICollectionFixture<ScaleOutFixture>
{
    public const string Name = "Two instances and Redis";
}
