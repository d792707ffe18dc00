using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Changes;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Alerts;

/// <summary>/api/v1/alert-rules: admins only, bad rules refused by field, and the other kinds of rule firing as their data says.</summary>
public class AlertRulesApiTests(ChangesAppFactory app) : IClassFixture<ChangesAppFactory>
{
    private static readonly DemoAccounts.Account Admin = DemoAccounts.All.Single(a => a.Role == AppRoles.Admin);
    private static readonly DemoAccounts.Account Reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);
    private readonly HttpClient _api = app.CreateApiClient();

    public static TheoryData<string, string> BadRules() => new()
    {
        { """{"metric":"positive_rate","below":0.5,"windowItems":20}""", "name" },
        { """{"name":"x","metric":"happiness","below":0.5,"windowItems":20}""", "metric" },
        { """{"name":"x","metric":"positive_rate","windowItems":20}""", "below" },
        { """{"name":"x","metric":"positive_rate","below":1.5,"windowItems":20}""", "below" },
        { """{"name":"x","metric":"positive_rate","below":0.5}""", "windowItems" },
        { """{"name":"x","metric":"positive_rate","below":0.5,"windowItems":0}""", "windowItems" },
        { """{"name":"x","metric":"positive_rate","dropBy":0,"windowMinutes":60}""", "dropBy" },
        { """{"name":"x","metric":"positive_rate","below":0.5,"windowItems":20,"segmentKey":"model"}""", "segmentValue" },
        { """{"name":"x","metric":"task_severity"}""", "above" },
        { """{"name":"x","metric":"positive_rate","below":"half","windowItems":20}""", "below" },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task ABadRule_Is400NamingTheField_AndNothingIsStored(string body, string field)
    {
        var admin = await app.CreateSignedInClientAsync(Admin);
        var before = (await admin.GetItemsAsync("/api/v1/alert-rules")).Count;

        var response = await admin.PostRawAsync("/api/v1/alert-rules", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field), await response.Content.ReadAsStringAsync());
        Assert.Equal(before, (await admin.GetItemsAsync("/api/v1/alert-rules")).Count);
    }

    [Fact]
    public async Task OnlyAdminsManageRules_AndARuleCanBeChangedAndDeleted()
    {
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        var admin = await app.CreateSignedInClientAsync(Admin);
        var rule = new { name = "Anything", metric = "positive_rate", below = 0.5, windowItems = 20 };

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync("/api/v1/alert-rules", rule)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.PostAsJsonAsync("/api/v1/alert-rules", rule)).StatusCode);
        var created = await (await admin.PostAsJsonAsync("/api/v1/alert-rules", rule)).ReadJsonAsync();
        var id = (long)created["id"]!;
        var changed = await admin.PutAsJsonAsync($"/api/v1/alert-rules/{id}", rule with { name = "Renamed" });
        Assert.Equal("Renamed", (string)(await changed.ReadJsonAsync())["name"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/alert-rules/999999", rule)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/alert-rules/{id}")).StatusCode);
        Assert.DoesNotContain(await admin.GetItemsAsync("/api/v1/alert-rules"), r => (long)r!["id"]! == id);
    }

    [Fact]
    public async Task ASegmentRule_CountsOnlyItsSegment_AndADropRuleComparesWithTheWindowBefore()
    {
        var source = "alerts-" + Guid.NewGuid().ToString("N")[..8];
        var admin = await app.CreateSignedInClientAsync(Admin);
        var segment = await CreateAsync(admin, new { name = "v42 below half", source, metric = "positive_rate", below = 0.5, windowItems = 10, segmentKey = "promptVersion", segmentValue = "v42" });
        var drop = await CreateAsync(admin, new { name = "Dropped 30 points", source, metric = "positive_rate", dropBy = 0.3, windowItems = 10 });

        // v41 is all positive, v42 all negative: together the source sits at 50%, never below, but v42 is at 0%.
        for (var i = 0; i < 10; i++)
        {
            await PostAsync(source, "positive", "v41");
        }
        for (var i = 0; i < 10; i++)
        {
            await PostAsync(source, "negative", "v42");
        }

        await WaitForAsync(admin, segment, firing: true);
        await WaitForAsync(admin, drop, firing: true); // 100% in the ten before, 0% in the last ten
        var rules = await admin.GetItemsAsync("/api/v1/alert-rules");
        Assert.Equal(1.0, (double)rules.Single(r => (long)r!["id"]! == drop)!["lastValue"]!, 6);
        Assert.Equal(0.0, (double)rules.Single(r => (long)r!["id"]! == segment)!["lastValue"]!, 6);
    }

    [Fact]
    public async Task ATaskSeverityRule_FiresWhileATaskAboveItIsOpen()
    {
        var source = "severity-" + Guid.NewGuid().ToString("N")[..8];
        var admin = await app.CreateSignedInClientAsync(Admin);
        var rule = await CreateAsync(admin, new { name = "Serious task", source, metric = "task_severity", above = 0 });

        for (var i = 0; i < 6; i++)
        {
            var response = await _api.PostFeedbackAsync("Why was I charged twice? " + source, "negative", pattern: "charged twice " + source, source: source);
            response.EnsureSuccessStatusCode();
        }

        await WaitForAsync(admin, rule, firing: true);
    }

    [Fact]
    public async Task AFiringRuleTurnedOffOrDeleted_SendsAlertResolved_SoAReceiverCanCloseItsIncident()
    {
        var source = "ended-" + Guid.NewGuid().ToString("N")[..8];
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await app.CreateSignedInClientAsync(Admin);
        (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url.ToString(), events = new[] { "alert.fired", "alert.resolved" } })).EnsureSuccessStatusCode();
        var offRule = new { name = "Turned off " + source, source, metric = "positive_rate", below = 0.5, windowItems = 5 };
        var off = await CreateAsync(admin, offRule);
        var deleted = await CreateAsync(admin, new { name = "Deleted " + source, source, metric = "positive_rate", below = 0.5, windowItems = 5 });
        for (var i = 0; i < 5; i++)
        {
            await PostAsync(source, "negative", "v1");
        }
        await WaitForAsync(admin, off, firing: true);
        await WaitForAsync(admin, deleted, firing: true);

        var turnedOff = await admin.PutAsJsonAsync($"/api/v1/alert-rules/{off}", new { offRule.name, offRule.source, offRule.metric, offRule.below, offRule.windowItems, enabled = false });
        Assert.Equal(HttpStatusCode.OK, turnedOff.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/alert-rules/{deleted}")).StatusCode);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (Resolved(receiver, source).Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        var resolved = Resolved(receiver, source);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // a few more evaluations: an off or deleted rule sends nothing more
        resolved = Resolved(receiver, source);
        Assert.Equal(["rule_changed"], resolved.Where(r => (long)r["data"]!["ruleId"]! == off).Select(r => (string)r["data"]!["reason"]!));
        Assert.Equal(["rule_deleted"], resolved.Where(r => (long)r["data"]!["ruleId"]! == deleted).Select(r => (string)r["data"]!["reason"]!));
        Assert.Contains("resolved: the rule was deleted while it fired", (string)resolved.Single(r => (long)r["data"]!["ruleId"]! == deleted)["text"]!);
        var state = (await admin.GetItemsAsync("/api/v1/alert-rules")).Single(r => (long)r!["id"]! == off)!;
        Assert.False((bool)state["firing"]!);
        Assert.False((bool)state["enabled"]!);
    }

    private static List<JsonNode> Resolved(WebhookReceiver receiver, string source) =>
        receiver.Calls.Where(c => c.Headers["FeedbackDashboard-Event"] == "alert.resolved")
            .Select(c => JsonNode.Parse(c.Body)!)
            .Where(n => ((string?)n["data"]!["ruleName"])?.EndsWith(source, StringComparison.Ordinal) == true)
            .ToList();

    private static async Task<long> CreateAsync(HttpClient admin, object rule)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/alert-rules", rule);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (long)(await response.ReadJsonAsync())["id"]!;
    }

    private async Task PostAsync(string source, string type, string promptVersion)
    {
        var id = "i-" + Guid.NewGuid().ToString("N");
        var response = await _api.PostAsJsonAsync("/api/v1/feedback", new
        {
            interactionId = id, type,
            interaction = new { id, query = "Can I change my plan?", response = "Yes.", source, metadata = new Dictionary<string, string> { ["promptVersion"] = promptVersion } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task WaitForAsync(HttpClient admin, long id, bool firing)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        JsonNode? rule;
        do
        {
            rule = (await admin.GetItemsAsync("/api/v1/alert-rules")).Single(r => (long)r!["id"]! == id);
            if ((bool)rule!["firing"]! == firing)
            {
                return;
            }
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"Rule {id} did not reach firing={firing}: {rule!.ToJsonString()}");
    }
}
