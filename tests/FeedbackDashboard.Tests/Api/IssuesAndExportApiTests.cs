using System.Net;
using System.Text.Json.Nodes;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Api;

public class IssuesAndExportApiTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private readonly HttpClient _client = app.CreateApiClient();

    [Fact]
    public async Task Issues_ListPatternsWithFrequencyTrendAndSampleComments()
    {
        var query = ApiClientExtensions.Unique("Issue pattern");
        await _client.PostFeedbackAsync(query, "negative", comment: "Wrong limit");
        await _client.PostFeedbackAsync(query, "negative", comment: "Outdated, see docs");
        await _client.PostFeedbackAsync(query, "positive");

        var issues = await _client.GetItemsAsync("/api/v1/issues?days=7");

        var issue = issues.Single(i => (string)i!["patternKey"]! == query.ToLowerInvariant())!;
        Assert.Equal(2, (int)issue["frequency"]!);
        Assert.Equal(3, (int)issue["totalFeedback"]!);
        Assert.Equal(7, issue["trend"]!.AsArray().Count);
        Assert.Equal(2, (int)issue["trend"]![6]!);
        Assert.Equal(["Outdated, see docs", "Wrong limit"], issue["sampleComments"]!.AsArray().Select(c => (string)c!));

        var feedback = await (await _client.GetAsync($"/api/v1/issues/{Uri.EscapeDataString(query.ToLowerInvariant())}/feedback")).ReadJsonAsync();
        Assert.Equal(2, (int)feedback["totalCount"]!);
        Assert.Equal(query, (string)feedback["items"]![0]!["query"]!);
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
        Assert.StartsWith("id,interactionId,type,value,comment,correctionKind,createdAt,source,patternKey,query\r\n", csv);
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
    [InlineData("/api/v1/issues?days=0", "days")]
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
