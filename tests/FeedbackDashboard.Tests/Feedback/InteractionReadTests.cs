using System.Net;
using System.Net.Http.Json;
using Bunit;
using FeedbackDashboard.Components.Pages.Feedback;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Feedback;

/// <summary>GET /api/v1/interactions/{id} and the interaction's page: what the application sent, its metadata, its feedback.</summary>
public class InteractionReadTests(FeedbackAppFactory app) : PageTestContext(app), IClassFixture<FeedbackAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private async Task<string> RecordAsync(Dictionary<string, string> metadata)
    {
        var id = "int-" + Guid.NewGuid().ToString("N");
        var response = await Api.PostAsJsonAsync("/api/v1/interactions", new
        {
            id, query = "Which plan includes SSO?", response = "<b>Enterprise</b> only.", source = "sales-bot", pattern = "sso", metadata,
        });
        response.EnsureSuccessStatusCode();
        foreach (var type in new[] { "negative", "positive" })
        {
            (await Api.PostAsJsonAsync("/api/v1/feedback", new { interactionId = id, type, comment = type == "negative" ? "Wrong plan" : null })).EnsureSuccessStatusCode();
        }
        return id;
    }

    [Fact]
    public async Task TheApi_ReturnsEverythingSent_WithItsFeedbackNewestFirst()
    {
        var id = await RecordAsync(new() { ["model"] = "gpt-x", ["promptVersion"] = "v42" });

        var interaction = await (await Api.GetAsync($"/api/v1/interactions/{id}")).ReadJsonAsync();

        Assert.Equal("Which plan includes SSO?", (string)interaction["query"]!);
        Assert.Equal("<b>Enterprise</b> only.", (string)interaction["response"]!);
        Assert.Equal("sales-bot", (string)interaction["source"]!);
        Assert.Equal("sso", (string)interaction["patternKey"]!);
        Assert.Equal("v42", (string)interaction["metadata"]!["promptVersion"]!);
        Assert.Equal(2, (int)interaction["feedbackCount"]!);
        Assert.Equal(["positive", "negative"], interaction["feedback"]!.AsArray().Select(f => (string)f!["type"]!));
    }

    [Fact]
    public async Task TheApi_AnswersAnUnknownId_With404NamingTheField_AndRefusesAnonymousCallers()
    {
        var missing = await Api.GetAsync("/api/v1/interactions/no-such-interaction");
        using var anonymous = App.CreateApiClient(apiKey: null);
        var id = await RecordAsync([]);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("id", (string)(await missing.ReadJsonAsync())["field"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/interactions/{id}")).StatusCode);
    }

    [Fact]
    public async Task ThePage_ShowsTheQueryAnswerMetadataAndFeedback_AsText()
    {
        var id = await RecordAsync(new() { ["model"] = "gpt-x", ["promptVersion"] = "v42" });
        SignInAs(AppRoles.ProductManager);

        var page = Render<InteractionPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Which plan includes SSO?", page.Find("[data-testid=interaction-query]").TextContent);
            Assert.Contains("<b>Enterprise</b> only.", page.Find("[data-testid=interaction-response]").TextContent); // as text
            Assert.Empty(page.FindAll("[data-testid=interaction-response] b"));
            var metadata = page.Find("[data-testid=interaction-metadata]").TextContent;
            Assert.Contains("promptVersion", metadata);
            Assert.Contains("v42", metadata);
            Assert.Contains("Wrong plan", page.Markup);
            Assert.Contains("Feedback (2)", page.Markup);
        }, Patience);
    }

    [Fact]
    public void ThePage_SaysSoWhenThereIsNoSuchInteraction()
    {
        SignInAs(AppRoles.ProductManager);

        var page = Render<InteractionPage>(p => p.Add(x => x.Id, "no-such-interaction"));

        page.WaitForAssertion(() => Assert.Contains("no-such-interaction", page.Find("[data-testid=interaction-missing]").TextContent), Patience);
    }

    [Fact]
    public async Task TheFeedbackExport_CarriesEachInteractionsMetadata()
    {
        var id = await RecordAsync(new() { ["promptVersion"] = "v43" });

        var csv = await (await Api.GetAsync("/api/v1/feedback/export?format=csv&days=1")).Content.ReadAsStringAsync();
        var json = await (await Api.GetAsync("/api/v1/feedback/export?format=json&days=1")).ReadJsonAsync();

        Assert.StartsWith("id,interactionId,type,value,comment,correctionKind,createdAt,source,patternKey,query,metadata\r\n", csv);
        Assert.Contains("\"{\"\"promptVersion\"\":\"\"v43\"\"}\"", csv);
        var item = json["items"]!.AsArray().First(i => (string)i!["feedback"]!["interactionId"]! == id);
        Assert.Equal("v43", (string)item!["metadata"]!["promptVersion"]!);
    }

    [Fact]
    public async Task TheFeedbackExport_FiltersByMetadata_AndNamesABadKey()
    {
        var run = Guid.NewGuid().ToString("N");
        var wanted = await RecordAsync(new() { ["run"] = run, ["promptVersion"] = "v43" });
        var other = await RecordAsync(new() { ["run"] = run, ["promptVersion"] = "v44" });

        var json = await (await Api.GetAsync($"/api/v1/feedback/export?format=json&days=1&metadata.run={run}&metadata.promptVersion=v43")).ReadJsonAsync();
        var csv = await (await Api.GetAsync($"/api/v1/feedback/export?format=csv&days=1&metadata.run={run}")).Content.ReadAsStringAsync();
        var bad = await Api.GetAsync("/api/v1/feedback/export?format=csv&days=1&metadata.=x");

        Assert.Equal([wanted, wanted], json["items"]!.AsArray().Select(i => (string)i!["feedback"]!["interactionId"]!));
        Assert.Equal(4, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.Contains(other, csv);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("metadata."));
    }

    [Fact]
    public async Task ThePage_LinksEachMetadataValue_ToTheLiveFeedFilteredByIt()
    {
        var id = await RecordAsync(new() { ["prompt version"] = "v42&beta" });
        SignInAs(AppRoles.ProductManager);

        var page = Render<InteractionPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() =>
            Assert.Equal("/live?metadata.prompt%20version=v42%26beta", page.Find("[data-testid=interaction-metadata] a").GetAttribute("href")), Patience);
    }
}
