using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FeedbackDashboard.Core.Webhooks;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Webhooks;

/// <summary>Webhook event types: a webhook hears the events it chose (all when it chose none), each signed, with a plain text line.</summary>
public class WebhookEventsTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private static readonly DemoAccounts.Account Admin = DemoAccounts.All.Single(a => a.Role == AppRoles.Admin);
    private static readonly DemoAccounts.Account Reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);

    [Fact]
    public async Task ARaisedAndResolvedTask_ReachesTheWebhooksThatChoseThem_SignedWithAText()
    {
        await using var tasksOnly = await WebhookReceiver.StartAsync();
        await using var knowledgeOnly = await WebhookReceiver.StartAsync();
        var admin = await app.CreateSignedInClientAsync(Admin.Email, Admin.Password);
        var created = await (await admin.PostAsJsonAsync("/api/v1/webhooks",
            new { url = tasksOnly.Url.ToString(), events = new[] { "review_task.created", "review_task.resolved" } })).ReadJsonAsync();
        (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = knowledgeOnly.Url.ToString(), events = new[] { "knowledge.published" } })).EnsureSuccessStatusCode();
        Assert.Equal(["review_task.created", "review_task.resolved"], created["webhook"]!["events"]!.AsArray().Select(e => (string)e!));

        var api = app.CreateApiClient();
        var query = ApiClientExtensions.Unique("Why was I charged twice?");
        for (var i = 0; i < 5; i++)
        {
            await api.PostFeedbackAsync(query, "negative", comment: "Still charged twice", source: "webhook-events");
        }
        var raised = (await tasksOnly.WaitForCallsAsync(1)).Single();
        var reviewer = await app.CreateSignedInClientAsync(Reviewer.Email, Reviewer.Password);
        var taskId = (long)JsonNode.Parse(raised.Body)!["data"]!["task"]!["id"]!;
        (await reviewer.PostAsJsonAsync($"/api/v1/review-tasks/{taskId}/resolve", new { note = "Refunded the duplicates." })).EnsureSuccessStatusCode();
        var calls = await tasksOnly.WaitForCallsAsync(2);

        var first = JsonNode.Parse(calls[0].Body)!;
        Assert.Equal("review_task.created", (string)first["type"]!);
        Assert.StartsWith("evt_", (string)first["id"]!);
        Assert.Equal(query, (string)first["data"]!["task"]!["representativeQuery"]!);
        Assert.Contains($"Review task #{taskId}", (string)first["text"]!);
        var second = JsonNode.Parse(calls[1].Body)!;
        Assert.Equal("review_task.resolved", (string)second["type"]!);
        Assert.Contains("Refunded the duplicates.", (string)second["text"]!);
        var secret = (string)created["secret"]!;
        Assert.All(calls, call => Assert.True(WebhookSignature.Verify(secret, call.Headers[WebhookSignature.HeaderName], call.Body, app.Clock.GetUtcNow(), TimeSpan.FromMinutes(5))));
        Assert.Empty(knowledgeOnly.Calls);
    }

    [Fact]
    public async Task AnUnknownEvent_Is400NamingEvents()
    {
        var admin = await app.CreateSignedInClientAsync(Admin.Email, Admin.Password);

        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://example.com/hook", events = new[] { "task.exploded" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("events"));
    }
}
