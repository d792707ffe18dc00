using System.Net;
using System.Text.Json.Nodes;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Issues;

/// <summary>
/// Common issues as a reviewer meets them: every input clusters, identical comments are one issue,
/// new complaints join their issue at once, and frequencies are those of the window and source asked.
/// Each test has a source of its own; the clock moves, so the class has its own app.
/// </summary>
public class IssueLifecycleTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private readonly HttpClient _client = app.CreateApiClient();

    private static string NewSource() => "issues-" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<JsonArray> RecomputeAsync(HttpClient client, FeedbackAppFactoryBase factory, string query = "")
    {
        factory.Clock.Advance(TimeSpan.FromSeconds(31)); // past the recompute's rate limit
        var response = await client.PostAsync($"/api/v1/issues/recompute?wait=true{query}", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync())["items"]!.AsArray();
    }

    private async Task<List<string>> CommentsOfAsync(long issueId, string source) =>
        (await _client.GetItemsAsync($"/api/v1/issues/{issueId}/feedback?source={source}&pageSize=200"))
            .Select(m => (string)m!["feedback"]!["comment"]!).ToList();

    [Fact]
    public async Task Recompute_GivesAValidResult_ForNoItems_OneItem_AndTwentyIdenticalItems()
    {
        await using var fresh = new FeedbackAppFactory();
        var client = fresh.CreateApiClient();

        Assert.Empty(await RecomputeAsync(client, fresh));

        await client.PostFeedbackAsync("Lonely question", "negative", comment: "Nothing like anything else said here");
        Assert.Empty(await RecomputeAsync(client, fresh));

        for (var i = 0; i < 20; i++)
        {
            await client.PostFeedbackAsync("Same question " + i, "negative", comment: "The export button does nothing");
        }
        var issue = Assert.Single(await RecomputeAsync(client, fresh));
        Assert.Equal(20, (int)issue!["frequency"]!);
        Assert.Equal("The export button does nothing", (string)issue["representativeText"]!);
    }

    [Fact]
    public async Task IdenticalComments_AfterFoldingCaseSpaceAndPunctuation_AreNeverSplit_AndNewOnesJoinLive()
    {
        var source = NewSource();
        string[] spellings = ["It's 1000 per minute on the business plan", "its 1000 per minute on the Business plan!", "ITS  1000 PER MINUTE ON THE BUSINESS PLAN."];
        string[] refunds = ["I want my money back", "Please refund my purchase", "How do I get a refund?", "Refund the order now", "Give me a refund", "Where is my refund"];
        foreach (var spelling in spellings)
        {
            for (var i = 0; i < 12; i++)
            {
                await _client.PostFeedbackAsync(ApiClientExtensions.Unique("Rate limit"), "negative", comment: spelling, source: source);
            }
        }
        foreach (var refund in refunds)
        {
            await _client.PostFeedbackAsync(ApiClientExtensions.Unique("Refunds"), "negative", comment: refund, source: source);
        }

        var issues = await RecomputeAsync(_client, app, $"&source={source}");
        var holders = new List<long>();
        foreach (var issue in issues)
        {
            var comments = await CommentsOfAsync((long)issue!["id"]!, source);
            if (comments.Any(spellings.Contains))
            {
                holders.Add((long)issue["id"]!);
                Assert.Equal(36, comments.Count(spellings.Contains));
            }
        }
        var rateLimit = Assert.Single(holders);

        // A new complaint saying the same joins the issue in the pipeline, before any re-clustering; an unrelated one does not.
        await _client.PostFeedbackAsync(ApiClientExtensions.Unique("Rate limit"), "negative", comment: "It's 1000 per minute on the business plan", source: source);
        await _client.PostFeedbackAsync(ApiClientExtensions.Unique("Crash"), "negative", comment: "The app crashes when I upload a photo", source: source);
        var joined = await (await _client.GetAsync($"/api/v1/issues/{rateLimit}?source={source}")).ReadJsonAsync();
        Assert.Equal(37, (int)joined["frequency"]!);
        Assert.DoesNotContain("The app crashes when I upload a photo", await CommentsOfAsync(rateLimit, source));
    }

    [Fact]
    public async Task Issues_CountTheWindowAndSourceAsked()
    {
        var source = NewSource();
        var other = NewSource();
        const string Complaint = "The invoice PDF shows last month's total";
        var firstDay = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        for (var i = 0; i < 6; i++)
        {
            await _client.PostFeedbackAsync(ApiClientExtensions.Unique("Invoices"), "negative", comment: Complaint, source: source);
        }
        app.Clock.Advance(TimeSpan.FromDays(10));
        for (var i = 0; i < 4; i++)
        {
            await _client.PostFeedbackAsync(ApiClientExtensions.Unique("Invoices"), "negative", comment: Complaint, source: source);
        }
        await _client.PostFeedbackAsync(ApiClientExtensions.Unique("Invoices"), "negative", comment: Complaint, source: other);
        var id = (long)(await RecomputeAsync(_client, app)).Single(i => (string)i!["representativeText"]! == Complaint)!["id"]!;

        async Task<JsonNode?> IssueIn(string query) =>
            (await _client.GetItemsAsync($"/api/v1/issues?{query}")).SingleOrDefault(i => (long)i!["id"]! == id);

        var week = await IssueIn($"days=7&source={source}");
        Assert.Equal(4, (int)week!["frequency"]!);
        Assert.Equal(7, week["trend"]!.AsArray().Count);
        Assert.Equal(4, (int)week["trend"]!.AsArray()[^1]!);
        Assert.Equal(10, (int)(await IssueIn($"days=30&source={source}"))!["frequency"]!);
        Assert.Equal(11, (int)(await IssueIn("days=30"))!["frequency"]!);
        Assert.Equal(11, (int)(await IssueIn("days=30"))!["totalFrequency"]!);
        Assert.Equal(6, (int)(await IssueIn($"from={firstDay:yyyy-MM-dd}&to={firstDay.AddDays(1):yyyy-MM-dd}&source={source}"))!["frequency"]!);
        Assert.Equal(1, (int)(await IssueIn($"days=30&source={other}"))!["frequency"]!);
        Assert.Null(await IssueIn($"days=30&source={NewSource()}"));

        var insights = await (await _client.GetAsync($"/api/v1/insights?days=7&source={source}")).ReadJsonAsync();
        Assert.Equal(4, (int)insights["commonIssues"]!.AsArray().Single(i => (long)i!["issueId"]! == id)!["frequency"]!);
        Assert.Equal(4, (int)insights["negativeInIssues"]!);

        var bad = await _client.GetAsync("/api/v1/issues?days=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("days"));
    }
}
