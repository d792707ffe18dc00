using System.Net;
using System.Text.Json.Nodes;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Issues;

public class IssuesAndExportApiTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private readonly HttpClient _client = app.CreateApiClient();

    [Fact]
    public async Task Recompute_ClustersNegativeCommentsByMeaning_AndInsightsReadTheClusters()
    {
        string[] refunds = ["I want my money back", "Please refund my purchase", "How do I get a refund?", "Refund the order now",
            "Return my money please", "I need a refund for this", "Give me a refund", "Where is my refund", "Money back please", "Refund me"];
        string[] logins = ["I cannot log in", "Login keeps failing", "My password is not accepted", "Can't sign in to my account",
            "The login page rejects me", "Sign in does not work", "I am locked out of my account", "Password reset did not help",
            "Unable to log into the app", "Login error again"];
        foreach (var comment in refunds.Concat(logins))
        {
            await _client.PostFeedbackAsync(ApiClientExtensions.Unique("Cluster me"), "negative", comment: comment);
        }

        var response = await _client.PostAsync("/api/v1/issues/recompute?wait=true", null);
        var issues = (await response.ReadJsonAsync())["items"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(issues.Count, 2, 4);
        var refundIssue = issues.Single(i => i!["sampleComments"]!.AsArray().Any(c => refunds.Contains((string)c!)))!;
        var members = await (await _client.GetAsync($"/api/v1/issues/{(long)refundIssue["id"]!}/feedback?pageSize=50")).ReadJsonAsync();
        var comments = members["items"]!.AsArray().Select(m => (string)m!["feedback"]!["comment"]!).ToList();
        Assert.True(comments.Count(refunds.Contains) >= 8, string.Join(" | ", comments));
        Assert.True(comments.Count(logins.Contains) <= 2, string.Join(" | ", comments));
        Assert.Equal(30, refundIssue["trend"]!.AsArray().Count);
        Assert.False(string.IsNullOrWhiteSpace((string)refundIssue["label"]!));

        var insights = await (await _client.GetAsync("/api/v1/insights")).ReadJsonAsync();
        Assert.Contains(insights["commonIssues"]!.AsArray(), c => (long)c!["issueId"]! == (long)refundIssue["id"]!);

        // A second run over the same feedback keeps the issue's id, so links to it keep working.
        var tooSoon = await _client.PostAsync("/api/v1/issues/recompute?wait=true", null);
        Assert.Equal(HttpStatusCode.TooManyRequests, tooSoon.StatusCode);
        Assert.NotNull(tooSoon.Headers.RetryAfter);
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var again = (await (await _client.PostAsync("/api/v1/issues/recompute?wait=true", null)).ReadJsonAsync())["items"]!.AsArray();
        Assert.Contains(again, i => (long)i!["id"]! == (long)refundIssue["id"]!);
    }

    [Fact]
    public async Task FeedbackExport_Csv_StreamsEveryRowOfTheWindowWithEscapedText()
    {
        var source = "export-" + Guid.NewGuid().ToString("N");
        await _client.PostFeedbackAsync("Export me", "negative", comment: "Comma, \"quote\" and\nnewline", source: source);
        await _client.PostFeedbackAsync("Export me", "rating", value: 4, source: source);
        await _client.PostFeedbackAsync("Export me", "negative", comment: "=HYPERLINK(\"http://evil\")", source: source);

        var response = await _client.GetAsync($"/api/v1/feedback/export?format=csv&days=7&source={source}");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString());
        Assert.StartsWith("id,interactionId,type,value,comment,correctionKind,createdAt,source,patternKey,query,metadata\r\n", csv);
        Assert.Contains("\"Comma, \"\"quote\"\" and\nnewline\"", csv);
        Assert.Contains(",rating,4,", csv);
        Assert.Contains("'=HYPERLINK", csv); // a formula is defused
        Assert.Equal(4, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task FeedbackExport_Json_IsAnItemsEnvelope()
    {
        var source = "export-json-" + Guid.NewGuid().ToString("N");
        await _client.PostFeedbackAsync("Export json", "positive", source: source);
        await _client.PostFeedbackAsync("Export json", "negative", source: source);

        var body = JsonNode.Parse(await _client.GetStringAsync($"/api/v1/feedback/export?format=json&days=7&source={source}"))!;

        var items = body["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal("positive", (string)items[0]!["feedback"]!["type"]!);
        Assert.Equal("Export json", (string)items[0]!["query"]!);
    }

    [Fact]
    public async Task InsightsExport_JsonEqualsTheInsights_CsvHasADayARow()
    {
        var json = JsonNode.Parse(await _client.GetStringAsync("/api/v1/insights/export?format=json&days=7"))!;
        var insights = JsonNode.Parse(await _client.GetStringAsync("/api/v1/insights?days=7"))!;
        var csv = await _client.GetStringAsync("/api/v1/insights/export?format=csv&days=7");

        Assert.Equal((int)insights["totalFeedback"]!, (int)json["totalFeedback"]!);
        Assert.Equal(8, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("/api/v1/feedback/export?format=xml", "format")]
    [InlineData("/api/v1/insights?from=2026-11-10", "to")]
    [InlineData("/api/v1/insights?from=2026-11-10&to=2026-11-01", "to")]
    public async Task BadParameters_Are400NamingThem(string url, string field)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task Insights_CustomRange_HasADailyPointForEveryDay()
    {
        var insights = await (await _client.GetAsync("/api/v1/insights?from=2026-11-01&to=2026-11-28")).ReadJsonAsync();

        Assert.Equal(28, insights["daily"]!.AsArray().Count);
        Assert.Equal(28, (int)insights["days"]!);
        Assert.Equal(5, insights["ratingDistribution"]!.AsArray().Count);
    }
}
