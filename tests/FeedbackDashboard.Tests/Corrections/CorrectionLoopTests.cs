using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FeedbackDashboard.Core.Webhooks;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Tests.Corrections;

/// <summary>A user's correction all the way to the AI application: approved, applied, served with a new ETag, announced by a signed webhook, audited.</summary>
public class CorrectionLoopTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private static readonly DemoAccounts.Account Reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);
    private static readonly DemoAccounts.Account Admin = DemoAccounts.All.Single(a => a.Role == AppRoles.Admin);
    private static readonly DemoAccounts.Account Pm = DemoAccounts.All.Single(a => a.Role == AppRoles.ProductManager);

    private async Task<long> PostCorrectionAsync(string source, string query, string text, string kind = "knowledge")
    {
        var api = app.CreateApiClient();
        var interactionId = "i-" + Guid.NewGuid().ToString("N");
        var response = await api.PostAsJsonAsync("/api/v1/feedback", new
        {
            interactionId, type = "correction", value = text, correctionKind = kind,
            interaction = new { id = interactionId, query, response = "An outdated answer.", source },
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var feedbackId = (string)(await response.ReadJsonAsync())["id"]!;
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        var pending = await reviewer.GetItemsAsync($"/api/v1/corrections?status=pending&source={source}&pageSize=500");
        return (long)pending.Single(c => (string?)c!["feedbackId"] == feedbackId)!["id"]!;
    }

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task ACorrection_TravelsFromTheUsersPost_ToTheApplicationsGetAndWebhook_AndEveryStepIsAudited()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await app.CreateSignedInClientAsync(Admin);
        var created = await OkAsync(await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url.ToString(), events = new[] { "knowledge.published" } }));
        var secret = (string)created["secret"]!;
        var source = "loop-" + Guid.NewGuid().ToString("N")[..8];
        var api = app.CreateApiClient();
        var before = await api.GetAsync($"/api/v1/knowledge?source={source}");
        var emptyTag = before.Headers.ETag!;

        var id = await PostCorrectionAsync(source, "What is the API rate limit?", "1,000 requests per minute on Business.");
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        var edited = await OkAsync(await reviewer.PostAsJsonAsync($"/api/v1/corrections/{id}/edit", new { text = "1,000 requests per minute on the Business plan." }));
        var approved = await OkAsync(await reviewer.PostAsync($"/api/v1/corrections/{id}/approve", null));
        var applied = await OkAsync(await reviewer.PostAsync($"/api/v1/corrections/{id}/apply", null));

        Assert.Equal("pending", (string)edited["status"]!);
        Assert.Equal("approved", (string)approved["status"]!);
        Assert.Equal("applied", (string)applied["status"]!);
        var knowledge = await api.GetAsync($"/api/v1/knowledge?source={source}");
        Assert.Equal(HttpStatusCode.OK, knowledge.StatusCode);
        Assert.NotEqual(emptyTag, knowledge.Headers.ETag);
        var entry = (await knowledge.ReadJsonAsync())["items"]!.AsArray().Single(e => (string?)e!["source"] == source)!;
        Assert.Equal("1,000 requests per minute on the Business plan.", (string)entry["content"]!);
        Assert.Equal("What is the API rate limit?", (string)entry["title"]!);
        Assert.Equal([id], entry["correctionIds"]!.AsArray().Select(c => (long)c!));

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/knowledge?source={source}");
        conditional.Headers.IfNoneMatch.Add(knowledge.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await api.SendAsync(conditional)).StatusCode);

        var call = (await receiver.WaitForCallsAsync(1)).Single();
        Assert.Equal(200, call.AnsweredWith);
        Assert.Equal("knowledge.published", call.Headers["FeedbackDashboard-Event"]);
        Assert.True(WebhookSignature.Verify(secret, call.Headers[WebhookSignature.HeaderName], call.Body, app.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_other", call.Headers[WebhookSignature.HeaderName], call.Body, app.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        var payload = JsonNode.Parse(call.Body)!;
        Assert.Equal((long)entry["id"]!, (long)payload["data"]!["entry"]!["id"]!);

        await using var db = app.CreateDbContext();
        var trail = await db.AuditRecords.Where(r => r.Subject == $"correction/{id}").OrderBy(r => r.Id).Select(r => new { r.Action, r.Actor }).ToListAsync();
        Assert.Equal(["correction.edited", "correction.approved", "correction.applied"], trail.Select(t => t.Action));
        Assert.All(trail, t => Assert.Equal(Reviewer.Email, t.Actor));
        Assert.True(await db.AuditRecords.AnyAsync(r => r.Action == "webhook.created" && r.Actor == Admin.Email));
        await admin.DeleteAsync($"/api/v1/webhooks/{(long)created["webhook"]!["id"]!}");
    }

    [Fact]
    public async Task ApplyingTwice_ChangesNothing_AndASecondCorrectionOnThePattern_AmendsTheEntry()
    {
        var source = "twice-" + Guid.NewGuid().ToString("N")[..8];
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        var first = await PostCorrectionAsync(source, "Can I get a refund for my annual plan?", "Within 30 days of purchase.");
        await OkAsync(await reviewer.PostAsync($"/api/v1/corrections/{first}/approve", null));
        var once = await OkAsync(await reviewer.PostAsync($"/api/v1/corrections/{first}/apply", null));
        var twice = await OkAsync(await reviewer.PostAsync($"/api/v1/corrections/{first}/apply", null));

        Assert.Equal((long)once["appliedKnowledgeVersionId"]!, (long)twice["appliedKnowledgeVersionId"]!);
        var entryId = (long)once["knowledgeEntryId"]!;
        var second = await PostCorrectionAsync(source, "refund annual plan", "Within 30 days of purchase, pro rata after that.");
        await OkAsync(await reviewer.PostAsJsonAsync($"/api/v1/corrections/{second}/approve", new { text = "Within 30 days of purchase; pro rata after that." }));
        var amended = await OkAsync(await reviewer.PostAsync($"/api/v1/corrections/{second}/apply", null));

        Assert.Equal(entryId, (long)amended["knowledgeEntryId"]!); // the same pattern's entry, amended
        var versions = await reviewer.GetItemsAsync($"/api/v1/knowledge/entries/{entryId}/versions");
        Assert.Equal([2, 1], versions.Select(v => (int)v!["version"]!));
        Assert.Equal("Within 30 days of purchase; pro rata after that.", (string)versions[0]!["content"]!);
    }

    [Fact]
    public async Task WebhookDeliveries_AreRetriedWithBackoff_AndEveryAttemptIsLogged()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        var admin = await app.CreateSignedInClientAsync(Admin);
        var webhook = (long)(await OkAsync(await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url.ToString(), events = new[] { "knowledge.published" } })))["webhook"]!["id"]!;
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        var id = await PostCorrectionAsync("retry-" + Guid.NewGuid().ToString("N")[..8], "How do I rotate an API key?", "Create the new key first, then revoke the old one.");
        await OkAsync(await reviewer.PostAsync($"/api/v1/corrections/{id}/approve", null));
        await OkAsync(await reviewer.PostAsync($"/api/v1/corrections/{id}/apply", null));

        await receiver.WaitForCallsAsync(1);
        var firstRetry = await PassTimeUntilAsync(() => receiver.Calls.Count >= 2);
        var secondRetry = await PassTimeUntilAsync(() => receiver.Calls.Count >= 3);
        var calls = receiver.Calls.ToList();

        // Not before the backoff: 10 s after the first failure, then 20 s after the second.
        Assert.InRange(firstRetry, RetrySchedule.Delay(1), RetrySchedule.Delay(1) + TimeSpan.FromSeconds(2));
        Assert.InRange(secondRetry, RetrySchedule.Delay(2), RetrySchedule.Delay(2) + TimeSpan.FromSeconds(2));

        Assert.Equal([503, 503, 200], calls.Select(c => c.AnsweredWith));
        Assert.Single(calls.Select(c => c.Headers["FeedbackDashboard-Delivery"]).Distinct()); // one event id for every attempt
        var deliveries = await admin.GetItemsAsync($"/api/v1/webhooks/{webhook}/deliveries");
        var delivery = deliveries.Single()!;
        await WaitUntilAsync(async () => (string)(await admin.GetItemsAsync($"/api/v1/webhooks/{webhook}/deliveries"))[0]!["status"]! == "delivered");
        delivery = (await admin.GetItemsAsync($"/api/v1/webhooks/{webhook}/deliveries"))[0]!;
        Assert.Equal(3, (int)delivery["attempts"]!);
        Assert.Equal([503, 503, 200], delivery["attemptLog"]!.AsArray().Select(a => (int)a!["statusCode"]!));

        var redelivered = await OkAsync(await admin.PostAsync($"/api/v1/webhooks/deliveries/{(long)delivery["id"]!}/redeliver", null));
        Assert.Equal("pending", (string)redelivered["status"]!);
        await receiver.WaitForCallsAsync(4);
        await admin.DeleteAsync($"/api/v1/webhooks/{webhook}");
    }

    [Fact]
    public async Task NearIdenticalCorrections_AreOneGroup_DecidedTogether_AndAppliedAsOneVersion()
    {
        var source = "group-" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<long>
        {
            await PostCorrectionAsync(source, "How do I reset my password?", "The reset is under Profile > Sign-in & security now."),
            await PostCorrectionAsync(source, "reset password", "The reset is under Profile > Sign-in & security now."),
            await PostCorrectionAsync(source, "How can I reset my password?", "Reset is now under Profile > Sign-in and security."),
        };
        var other = await PostCorrectionAsync(source, "What are your opening hours?", "We are also open on Saturdays, 10 to 14.");
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);

        var head = await OkAsync(await reviewer.GetAsync($"/api/v1/corrections/{ids[2]}"));
        Assert.Equal((3, 3), ((int)head["similarCount"]!, (int)head["similarInSameStatus"]!));
        Assert.Equal(1, (int)(await OkAsync(await reviewer.GetAsync($"/api/v1/corrections/{other}")))["similarCount"]!);

        await OkAsync(await reviewer.PostAsync($"/api/v1/corrections/{ids[2]}/approve?group=true", null));
        var applied = await OkAsync(await reviewer.PostAsync($"/api/v1/corrections/{ids[2]}/apply?group=true", null));

        var all = await reviewer.GetItemsAsync($"/api/v1/corrections?source={source}&pageSize=500");
        var members = all.Where(c => ids.Contains((long)c!["id"]!)).ToList();
        Assert.All(members, c => Assert.Equal("applied", (string)c!["status"]!));
        Assert.Single(members.Select(c => (long)c!["appliedKnowledgeVersionId"]!).Distinct());
        Assert.Equal("pending", (string)all.Single(c => (long)c!["id"]! == other)!["status"]!);
        var versions = await reviewer.GetItemsAsync($"/api/v1/knowledge/entries/{(long)applied["knowledgeEntryId"]!}/versions");
        Assert.Single(versions);
    }

    [Fact]
    public async Task ProductManagerAndApiKey_CannotDecide_AndBadInputNamesTheField()
    {
        var id = await PostCorrectionAsync("rules-" + Guid.NewGuid().ToString("N")[..8], "What discount can I offer?", "10% without approval.");
        var pm = await app.CreateSignedInClientAsync(Pm);
        var key = app.CreateApiClient();
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);

        Assert.Equal(HttpStatusCode.Forbidden, (await pm.PostAsync($"/api/v1/corrections/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await key.PostAsync($"/api/v1/corrections/{id}/approve", null)).StatusCode);
        var noReason = await reviewer.PostAsJsonAsync($"/api/v1/corrections/{id}/reject", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull((await noReason.ReadJsonAsync())["errors"]!["reason"]);
        var badKind = await reviewer.PostAsJsonAsync($"/api/v1/corrections/{id}/edit", new { kind = "opinion" });
        Assert.NotNull((await badKind.ReadJsonAsync())["errors"]!["kind"]);
        var notApproved = await reviewer.PostAsync($"/api/v1/corrections/{id}/apply", null);
        Assert.Equal(HttpStatusCode.Conflict, notApproved.StatusCode);
        var unchanged = await OkAsync(await reviewer.GetAsync($"/api/v1/corrections/{id}"));
        Assert.Equal("pending", (string)unchanged["status"]!);
        Assert.Equal("10% without approval.", (string)unchanged["text"]!);
    }

    [Fact]
    public async Task BehaviorCorrections_DraftTheInstructions_WhichAreReviewedPublishedAndRolledBack()
    {
        var source = "bot-" + Guid.NewGuid().ToString("N")[..8];
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        var api = app.CreateApiClient();
        await OkAsync(await reviewer.PutAsJsonAsync($"/api/v1/instructions/{source}/draft", new { text = "You are a helpful sales assistant." }));
        await OkAsync(await reviewer.PostAsync($"/api/v1/instructions/{source}/versions/1/publish", null));
        var first = await api.GetAsync($"/api/v1/instructions/{source}/current");

        var id = await PostCorrectionAsync(source, "Draft a follow-up email", "Keep follow-up emails under 120 words.", kind: "behavior");
        await OkAsync(await reviewer.PostAsync($"/api/v1/corrections/{id}/approve", null));
        await OkAsync(await reviewer.PostAsync($"/api/v1/corrections/{id}/apply", null));
        var versions = await reviewer.GetItemsAsync($"/api/v1/instructions/{source}/versions");
        var draft = versions[0]!;
        Assert.Equal(("draft", 2), ((string)draft["status"]!, (int)draft["version"]!));
        Assert.Equal("You are a helpful sales assistant.\n- Keep follow-up emails under 120 words.", (string)draft["text"]!);
        Assert.Equal(1, (int)(await (await api.GetAsync($"/api/v1/instructions/{source}/current")).ReadJsonAsync())["version"]!); // not served before it is published

        await OkAsync(await reviewer.PostAsync($"/api/v1/instructions/{source}/versions/2/publish", null));
        var second = await api.GetAsync($"/api/v1/instructions/{source}/current");
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(2, (int)(await second.ReadJsonAsync())["version"]!);

        var rolledBack = await OkAsync(await reviewer.PostAsJsonAsync($"/api/v1/instructions/{source}/rollback", new { version = 1 }));
        Assert.Equal((3, "published", "You are a helpful sales assistant."), ((int)rolledBack["version"]!, (string)rolledBack["status"]!, (string)rolledBack["text"]!));
        await using var db = app.CreateDbContext();
        var trail = await db.AuditRecords.Where(r => r.Subject == $"instructions/{source}").OrderBy(r => r.Id).Select(r => r.Action).ToListAsync();
        Assert.Equal(["instructions.edited", "instructions.published", "instructions.published", "instructions.rolled_back"], trail);
    }

    /// <summary>Moves the app's clock a second at a time (giving the worker a moment each time) until the condition holds; returns how much time passed.</summary>
    private async Task<TimeSpan> PassTimeUntilAsync(Func<bool> condition)
    {
        var passed = TimeSpan.Zero;
        while (!condition())
        {
            Assert.True(passed < TimeSpan.FromMinutes(2), "nothing happened within two minutes of the app's time");
            await Task.Delay(60);
            if (condition())
            {
                break;
            }
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            passed += TimeSpan.FromSeconds(1);
        }
        return passed;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
