using System.Net;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Insights;

/// <summary>Moves the shared clock, so it has a database and app of its own.</summary>
public class InsightsApiTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private readonly HttpClient _client = app.CreateApiClient();

    [Fact]
    public async Task Insights_CountWhatWasPostedInTheWindowOnly()
    {
        var source = "insights-" + Guid.NewGuid().ToString("N");
        await _client.PostFeedbackAsync("Old question", "negative", source: source);
        app.Clock.Advance(TimeSpan.FromDays(31));
        await _client.PostFeedbackAsync("New question", "positive", source: source);
        await _client.PostFeedbackAsync("New question", "positive", source: source);
        await _client.PostFeedbackAsync("New question", "negative", source: source);
        await _client.PostFeedbackAsync("New question", "correction", "Better answer", source: source);
        await _client.PostFeedbackAsync("New question", "rating", 4, source: source);

        var last30 = await (await _client.GetAsync($"/api/v1/insights?days=30&source={source}")).ReadJsonAsync();
        var last90 = await (await _client.GetAsync($"/api/v1/insights?days=90&source={source}")).ReadJsonAsync();

        Assert.Equal(5, (int)last30["totalFeedback"]!);
        Assert.Equal(0.4, (double)last30["positiveRate"]!, 6);
        Assert.Equal(1, (int)last30["userCorrectionCount"]!);
        Assert.Equal("Better answer", (string)last30["userCorrections"]![0]!["value"]!);
        Assert.Equal(4.0, (double)last30["averageRating"]!);
        Assert.Equal(6, (int)last90["totalFeedback"]!);
        Assert.Equal(2, (int)last90["countsByType"]!["negative"]!);
    }

    [Fact]
    public async Task Insights_ListPatternsUnderReviewAsOpportunities()
    {
        var query = ApiClientExtensions.Unique("Opportunity");
        for (var i = 0; i < 5; i++)
        {
            await _client.PostFeedbackAsync(query, "negative", pattern: query);
        }

        var insights = await (await _client.GetAsync("/api/v1/insights")).ReadJsonAsync();

        var opportunity = Assert.Single(insights["improvementOpportunities"]!.AsArray(), o => (string)o!["patternKey"]! == query);
        Assert.Equal("Review and update prompt/instructions", (string)opportunity!["suggestedAction"]!);
        Assert.Equal(5, (int)opportunity["negativeCount"]!);
        Assert.NotNull(opportunity["reviewTaskId"]);
    }

    [Theory]
    [InlineData("days=0")]
    [InlineData("days=-5")]
    [InlineData("days=100000")]
    public async Task Insights_BadDays_Is400NamingDays(string query)
    {
        var response = await _client.GetAsync($"/api/v1/insights?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("days"));
    }
}
