using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace FeedbackDashboard.Tests.Realtime;

public class ReviewHubTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    private static readonly DemoAccounts.Account Reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);
    private static readonly DemoAccounts.Account Pm = DemoAccounts.All.Single(a => a.Role == AppRoles.ProductManager);

    /// <summary>
    /// Posts four negatives and a fifth: the fifth raises the task (5 of 5 negative, the minimum
    /// reached) once the pipeline has run. Returns the ids of the five items.
    /// </summary>
    private async Task<(string Query, List<string> FeedbackIds)> RaiseTaskAsync()
    {
        var api = app.CreateApiClient();
        var query = ApiClientExtensions.Unique("Hub pattern");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var response = await api.PostFeedbackAsync(query, "negative", pattern: query);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add((string)(await response.ReadJsonAsync())["id"]!);
            if (i == 4)
            {
                return (query, ids);
            }
        }
        throw new UnreachableException();
    }

    [Fact]
    public async Task Reviewer_GetsReviewTaskCreated_WhenTheTriggeringPostIsProcessed()
    {
        var reviewer = await app.SignInAsync(Reviewer);
        await using var hub = app.Hub(reviewer.Cookies);
        var created = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        string? query = null;
        hub.On<JsonElement>("ReviewTaskCreated", task =>
        {
            if (query is not null && task.GetProperty("representativeQuery").GetString() == query)
            {
                created.TrySetResult(task);
            }
        });
        await hub.StartAsync();

        query = ApiClientExtensions.Unique("Hub pattern");
        var api = app.CreateApiClient();
        for (var i = 0; i < 4; i++)
        {
            await api.PostFeedbackAsync(query, "negative", pattern: query);
        }
        await api.PostFeedbackAsync(query, "negative", pattern: query);

        // That it arrives is the test's; how fast is bench/run.sh push's.
        var pushed = await created.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("open", pushed.GetProperty("status").GetString());
        Assert.Equal("medium", pushed.GetProperty("priority").GetString());
        Assert.Equal(5, pushed.GetProperty("relatedCount").GetInt32());
        Assert.False(string.IsNullOrEmpty(pushed.GetProperty("triggerFeedback").GetProperty("id").GetString()));
        Assert.False(string.IsNullOrEmpty(pushed.GetProperty("triggerFeedback").GetProperty("interactionId").GetString()));
    }

    [Fact]
    public async Task ProductManager_GetsTheLiveFeedButNoReviewTaskEvents()
    {
        var pm = await app.SignInAsync(Pm);
        await using var hub = app.Hub(pm.Cookies);
        var feedback = new List<JsonElement>();
        var taskEvents = 0;
        hub.On<JsonElement>("FeedbackReceived", f => { lock (feedback) { feedback.Add(f); } });
        hub.On<JsonElement>("ReviewTaskCreated", _ => Interlocked.Increment(ref taskEvents));
        hub.On<JsonElement>("ReviewTaskUpdated", _ => Interlocked.Increment(ref taskEvents));
        await hub.StartAsync();
        await hub.InvokeAsync("JoinLiveFeed");

        var (_, ids) = await RaiseTaskAsync();

        // Pushed on the acknowledgement, before the pipeline has assigned the pattern.
        await WaitUntilAsync(() => { lock (feedback) { return feedback.Count(f => ids.Contains(f.GetProperty("id").GetString()!)) == 5; } });
        var one = feedback.First(f => ids.Contains(f.GetProperty("id").GetString()!));
        Assert.Equal("negative", one.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(one.GetProperty("id").GetString()));
        Assert.False(string.IsNullOrEmpty(one.GetProperty("interactionId").GetString()));
        await app.Factory.WaitForPipelineAsync();
        await Task.Delay(300); // a task event, had one been sent, arrives right after the pipeline's batch
        Assert.Equal(0, taskEvents);
    }

    [Fact]
    public async Task Reviewer_WithoutJoiningTheLiveFeed_GetsNoFeedbackEvents()
    {
        var reviewer = await app.SignInAsync(Reviewer);
        await using var hub = app.Hub(reviewer.Cookies);
        var feedbackEvents = 0;
        var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("FeedbackReceived", _ => Interlocked.Increment(ref feedbackEvents));
        hub.On<JsonElement>("ReviewTaskCreated", _ => created.TrySetResult());
        await hub.StartAsync();

        await RaiseTaskAsync();

        await created.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, feedbackEvents);
    }

    [Fact]
    public async Task ProductManager_GetsIssuesChanged_WhenANewComplaintJoinsItsIssue()
    {
        var api = app.CreateApiClient();
        var source = "hub-issues-" + Guid.NewGuid().ToString("N")[..8];
        const string Complaint = "The dark theme forgets itself after a reload";
        for (var i = 0; i < 8; i++)
        {
            await api.PostFeedbackAsync(ApiClientExtensions.Unique("Theme"), "negative", comment: Complaint, source: source);
        }
        await app.Factory.WaitForPipelineAsync();
        app.Factory.Clock.Advance(TimeSpan.FromSeconds(31));
        var run = await api.PostAsync($"/api/v1/issues/recompute?wait=true&source={source}", null);
        var issueId = (long)(await run.ReadJsonAsync())["items"]!.AsArray().Single(i => (string)i!["representativeText"]! == Complaint)!["id"]!;

        var pm = await app.SignInAsync(Pm);
        await using var hub = app.Hub(pm.Cookies);
        var changed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("IssuesChanged", change =>
        {
            if (change.GetProperty("issueIds").EnumerateArray().Any(id => id.GetInt64() == issueId))
            {
                changed.TrySetResult(change);
            }
        });
        await hub.StartAsync();

        await api.PostFeedbackAsync(ApiClientExtensions.Unique("Theme"), "negative", comment: "the dark theme forgets itself after a reload!", source: source);

        await changed.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Anonymous_IsRefusedWith401()
    {
        await using var hub = app.Hub();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task ApiKey_IsRefusedWith401()
    {
        await using var hub = app.Hub(headers: new Dictionary<string, string> { ["X-Api-Key"] = FeedbackAppFactory.ApiKey });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task ClaimByAnotherReviewer_IsPushedAsReviewTaskUpdated()
    {
        var watcher = await app.SignInAsync(DemoAccounts.All.Single(a => a.Role == AppRoles.Admin));
        var reviewer = await app.SignInAsync(Reviewer);
        await using var hub = app.Hub(watcher.Cookies);
        var updated = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        long taskId = 0;
        hub.On<JsonElement>("ReviewTaskUpdated", task =>
        {
            if (task.GetProperty("id").GetInt64() == Volatile.Read(ref taskId) && task.GetProperty("status").GetString() == "in_review")
            {
                updated.TrySetResult(task);
            }
        });
        await hub.StartAsync();
        var (query, _) = await RaiseTaskAsync();
        await app.Factory.WaitForPipelineAsync();
        var tasks = await app.CreateApiClient().GetItemsAsync("/api/v1/review-tasks?status=open&pageSize=500");
        Volatile.Write(ref taskId, (long)tasks.Single(t => (string)t!["patternKey"]! == query)!["id"]!);

        var claim = await reviewer.Client.PostAsync($"/api/v1/review-tasks/{taskId}/claim", null);

        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        var pushed = await updated.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(Reviewer.Email, pushed.GetProperty("assignee").GetString());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the pushes");
            await Task.Delay(20);
        }
    }
}
