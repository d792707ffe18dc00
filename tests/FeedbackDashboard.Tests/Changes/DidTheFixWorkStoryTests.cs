using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FeedbackDashboard.Core.Webhooks;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace FeedbackDashboard.Tests.Changes;

/// <summary>Judges changes on 20 items a side, and looks at changes and alert rules often, so a story takes seconds.</summary>
public sealed class ChangesAppFactory : FeedbackAppFactoryBase
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Changes:ItemsEachSide", "20");
        builder.UseSetting("Changes:CheckSeconds", "1");
        builder.UseSetting("Alerts:MinIntervalMilliseconds", "100");
        builder.UseSetting("Alerts:IntervalSeconds", "1");
    }
}

/// <summary>
/// Issue 19's whole story through the HTTP API, as an application, a reviewer and an admin live it:
/// a pattern goes bad, a task opens and an alert fires; a correction is approved and applied; the
/// application reads the new knowledge; later feedback improves, the alert resolves, and the change is
/// judged improved with its interval; a drop fires the alert again. A change with no effect stays no_change.
/// </summary>
public class DidTheFixWorkStoryTests(ChangesAppFactory app) : IClassFixture<ChangesAppFactory>
{
    private static readonly DemoAccounts.Account Reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);
    private static readonly DemoAccounts.Account Admin = DemoAccounts.All.Single(a => a.Role == AppRoles.Admin);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly HttpClient _api = app.CreateApiClient();

    [Fact]
    public async Task APatternGoesBad_IsFixed_TheChangeIsJudgedImproved_AndTheAlertFiresOnlyAfterRecovering()
    {
        var source = "story-" + Guid.NewGuid().ToString("N")[..8];
        var pattern = "How do I get a refund? " + source;
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await app.CreateSignedInClientAsync(Admin);
        var hook = await OkAsync(await admin.PostAsJsonAsync("/api/v1/webhooks",
            new { url = receiver.Url.ToString(), events = new[] { "alert.fired", "alert.resolved", "change.verdict" } }), HttpStatusCode.OK);
        var secret = (string)hook["secret"]!;
        var rule = await OkAsync(await admin.PostAsJsonAsync("/api/v1/alert-rules",
            new { name = "Refunds going bad", source, metric = "positive_rate", below = 0.5, windowItems = 20 }), HttpStatusCode.Created);

        // The pattern goes bad: 16 of 20 negative. A task opens; the alert fires.
        for (var i = 0; i < 20; i++)
        {
            await PostAsync(source, pattern, i % 5 == 0 ? "positive" : "negative");
        }
        var task = (await _api.GetItemsAsync($"/api/v1/review-tasks?source={source}")).Single()!;
        Assert.Equal(pattern, (string)task["patternKey"]!);
        await WaitForAsync(() => Calls(receiver, "alert.fired").Count == 1);

        // A user's correction is approved and applied; the application reads the new knowledge.
        var correctionId = await PostCorrectionAsync(source, pattern, "Refunds take 5 working days; start them under Orders.");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        await OkAsync(await reviewer.PostAsync($"/api/v1/corrections/{correctionId}/approve", null), HttpStatusCode.OK);
        await OkAsync(await reviewer.PostAsync($"/api/v1/corrections/{correctionId}/apply", null), HttpStatusCode.OK);
        var knowledge = await _api.GetItemsAsync($"/api/v1/knowledge?source={source}");
        Assert.Contains(knowledge, e => (string?)e!["content"] == "Refunds take 5 working days; start them under Orders.");

        var change = await SingleChangeAsync(source);
        Assert.Equal("knowledge", (string)change["kind"]!);
        Assert.Equal([pattern], change["patternKeys"]!.AsArray().Select(p => (string)p!));
        Assert.Equal((long)task["id"]!, (long)change["reviewTaskId"]!);
        Assert.Equal("collecting", (string)change["verdict"]!);
        Assert.Equal(20, (int)change["itemsStillNeeded"]!);
        Assert.Null(change["interval"]);

        // Later feedback on the pattern improves: the alert resolves, the change is judged improved.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 20; i++)
        {
            await PostAsync(source, pattern, i == 7 ? "negative" : "positive");
        }
        await WaitForAsync(async () => (string)(await SingleChangeAsync(source))["verdict"]! != "collecting");
        change = await SingleChangeAsync(source);
        Assert.Equal("improved", (string)change["verdict"]!);
        Assert.Equal(20, (int)change["before"]!["total"]!);
        Assert.Equal(20, (int)change["after"]!["total"]!);
        Assert.Equal(0.15, (double)change["before"]!["positiveShare"]!, 6); // the newest 20 before: 3 positive; the correction is one of the negatives
        Assert.Equal(0.95, (double)change["after"]!["positiveShare"]!, 6);
        Assert.Equal(0.80, (double)change["difference"]!, 6);
        var interval = change["interval"]!.AsArray().Select(v => (double)v!).ToArray();
        Assert.Equal(0.519, interval[0], 3); // ADR-014's figures
        Assert.Equal(0.906, interval[1], 3);
        await WaitForAsync(() => Calls(receiver, "alert.resolved").Count == 1);

        // The list filters by verdict and kind.
        Assert.Single(await _api.GetItemsAsync($"/api/v1/changes?source={source}&verdict=improved&kind=knowledge"));
        Assert.Empty(await _api.GetItemsAsync($"/api/v1/changes?source={source}&verdict=collecting"));
        Assert.Empty(await _api.GetItemsAsync($"/api/v1/changes?source={source}&kind=instructions"));

        // The task shows the verdict of the change it led to.
        var fromTask = (await _api.GetItemsAsync($"/api/v1/changes?reviewTaskId={(long)task["id"]!}")).Single()!;
        Assert.Equal("improved", (string)fromTask["verdict"]!);

        // It drops again: the rule fires a second time, having recovered in between; never twice in a row.
        for (var i = 0; i < 20; i++)
        {
            await PostAsync(source, pattern, "negative");
        }
        await WaitForAsync(() => Calls(receiver, "alert.fired").Count == 2);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // a few more evaluations: nothing more may come

        var alertCalls = receiver.Calls.Where(c => c.Headers["FeedbackDashboard-Event"].StartsWith("alert.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["alert.fired", "alert.resolved", "alert.fired"], alertCalls.Select(c => c.Headers["FeedbackDashboard-Event"]));
        foreach (var call in receiver.Calls)
        {
            Assert.True(WebhookSignature.Verify(secret, call.Headers[WebhookSignature.HeaderName], call.Body, app.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        }
        var fired = JsonNode.Parse(alertCalls[0].Body)!;
        Assert.Equal((long)rule["id"]!, (long)fired["data"]!["ruleId"]!);
        Assert.Equal("Refunds going bad", (string)fired["data"]!["ruleName"]!);
        Assert.StartsWith("Alert \"Refunds going bad\" fired: positive rate below 50%", (string)fired["text"]!);
        // The webhook gets every change's verdict (the other test's too): this story's is the one of its source.
        var verdict = Calls(receiver, "change.verdict").Select(c => JsonNode.Parse(c.Body)!).Single(v => (string?)v["data"]!["source"] == source);
        Assert.Equal("improved", (string)verdict["data"]!["verdict"]!);
        Assert.Contains("judged improved: positive share 15% before, 95% after (+80.0 points, 95% interval +51.9 to +90.6; 20 and 20 items)", (string)verdict["text"]!);
        var history = await (await admin.GetAsync("/api/v1/alert-rules/events")).ReadJsonAsync();
        Assert.Equal(["fired", "resolved", "fired"],
            history["items"]!.AsArray().Where(e => (long)e!["ruleId"]! == (long)rule["id"]!).Select(e => (string)e!["kind"]!).Reverse());
    }

    [Fact]
    public async Task AChangeWithNoEffect_IsJudgedNoChange()
    {
        var source = "flat-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 20; i++)
        {
            await PostAsync(source, $"Question {i % 4} of {source}", i % 2 == 0 ? "positive" : "negative");
        }
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        var draft = await OkAsync(await reviewer.PutAsJsonAsync($"/api/v1/instructions/{source}/draft", new { text = "Answer briefly. Cite the handbook." }), HttpStatusCode.OK);
        await OkAsync(await reviewer.PostAsync($"/api/v1/instructions/{source}/versions/{(int)draft["version"]!}/publish", null), HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 20; i++)
        {
            await PostAsync(source, $"Question {i % 4} of {source}", i % 2 == 0 ? "negative" : "positive");
        }

        await WaitForAsync(async () => (string)(await SingleChangeAsync(source))["verdict"]! != "collecting");
        var change = await SingleChangeAsync(source);

        Assert.Equal("instructions", (string)change["kind"]!);
        Assert.Equal("no_change", (string)change["verdict"]!);
        Assert.Equal(0, (double)change["difference"]!, 9);
        var interval = change["interval"]!.AsArray().Select(v => (double)v!).ToArray();
        Assert.True(interval[0] < 0 && interval[1] > 0);
        Assert.Equal(4, change["patternKeys"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("from=yesterday", "from")]
    [InlineData("verdict=better", "verdict")]
    [InlineData("kind=prompt", "kind")]
    public async Task Changes_BadQuery_Is400NamingTheField(string query, string field)
    {
        var response = await _api.GetAsync($"/api/v1/changes?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field));
    }

    private async Task PostAsync(string source, string pattern, string type)
    {
        var response = await _api.PostFeedbackAsync(pattern, type, pattern: pattern, source: source);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<long> PostCorrectionAsync(string source, string pattern, string text)
    {
        var interactionId = "i-" + Guid.NewGuid().ToString("N");
        var response = await _api.PostAsJsonAsync("/api/v1/feedback", new
        {
            interactionId, type = "correction", value = text, correctionKind = "knowledge",
            interaction = new { id = interactionId, query = pattern, response = "Refunds are not possible.", source, pattern },
        });
        var feedbackId = (string)(await OkAsync(response, HttpStatusCode.Accepted))["id"]!;
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        var pending = await reviewer.GetItemsAsync($"/api/v1/corrections?status=pending&source={source}&pageSize=500");
        return (long)pending.Single(c => (string?)c!["feedbackId"] == feedbackId)!["id"]!;
    }

    private async Task<JsonObject> SingleChangeAsync(string source) =>
        (await _api.GetItemsAsync($"/api/v1/changes?source={source}")).Single(c => (string?)c!["source"] == source)!.AsObject();

    private static List<WebhookReceiver.Call> Calls(WebhookReceiver receiver, string type) =>
        receiver.Calls.Where(c => c.Headers["FeedbackDashboard-Event"] == type).ToList();

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static Task WaitForAsync(Func<bool> condition) => WaitForAsync(() => Task.FromResult(condition()));

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true in time.");
            await Task.Delay(50);
        }
    }
}
