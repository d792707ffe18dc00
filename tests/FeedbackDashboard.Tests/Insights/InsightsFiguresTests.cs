using System.Net;
using System.Net.Http.Json;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Insights;

/// <summary>Each figure that was wrong before issue 16, as a user found it. Moves the clock: an app of its own.</summary>
public class InsightsFiguresTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private static readonly DemoAccounts.Account Reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);
    private readonly HttpClient _client = app.CreateApiClient();

    private static string NewSource(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task SourceFilter_ScopesOpportunitiesAndOpenTasks()
    {
        var (mine, theirs) = (NewSource("mine"), NewSource("theirs"));
        var myPattern = ApiClientExtensions.Unique("my pattern");
        var theirPattern = ApiClientExtensions.Unique("their pattern");
        for (var i = 0; i < 5; i++)
        {
            await _client.PostFeedbackAsync(myPattern, "negative", pattern: myPattern, source: mine);
            await _client.PostFeedbackAsync(theirPattern, "negative", pattern: theirPattern, source: theirs);
        }
        await _client.PostFeedbackAsync(theirPattern, "negative", pattern: theirPattern, source: mine);

        var insights = await (await _client.GetAsync($"/api/v1/insights?source={mine}")).ReadJsonAsync();

        var opportunities = insights["improvementOpportunities"]!.AsArray();
        Assert.Equal([(myPattern, 5), (theirPattern, 1)], opportunities.Select(o => ((string)o!["patternKey"]!, (int)o["negativeCount"]!)));
        Assert.Equal(1, (int)insights["openReviewTasks"]!);
        var everywhere = await (await _client.GetAsync("/api/v1/insights")).ReadJsonAsync();
        Assert.Contains(everywhere["improvementOpportunities"]!.AsArray(), o => (string)o!["patternKey"]! == theirPattern && (int)o["negativeCount"]! == 6);
    }

    [Fact]
    public async Task PendingCorrections_CountsItemsWaitingForADecision_AndMovesWhenTheyAreDecided()
    {
        var source = NewSource("pending");
        for (var i = 0; i < 3; i++)
        {
            await _client.PostFeedbackAsync("What is the rate limit?", "correction", $"1000 a minute ({i})", source: source);
        }
        async Task<(int Pending, int Sent)> FiguresAsync()
        {
            var insights = await (await _client.GetAsync($"/api/v1/insights?source={source}")).ReadJsonAsync();
            return ((int)insights["pendingCorrections"]!, (int)insights["userCorrectionCount"]!);
        }
        Assert.Equal((3, 3), await FiguresAsync());

        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        var ids = (await reviewer.GetItemsAsync($"/api/v1/corrections?status=pending&source={source}")).Select(c => (long)c!["id"]!).ToList();
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/corrections/{ids[0]}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/corrections/{ids[0]}/apply", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/corrections/{ids[1]}/reject", new { reason = "Wrong." })).StatusCode);

        Assert.Equal((1, 3), await FiguresAsync());
    }

    [Fact]
    public async Task ThumbsUpShare_StandsBesideThePositiveRate()
    {
        var source = NewSource("share");
        foreach (var (type, value) in new (string, object?)[] { ("positive", null), ("positive", null), ("positive", null), ("negative", null), ("rating", 5), ("correction", "Better.") })
        {
            await _client.PostFeedbackAsync("Share question", type, value, source: source);
        }

        var insights = await (await _client.GetAsync($"/api/v1/insights?days=7&source={source}")).ReadJsonAsync();

        Assert.Equal(0.5, (double)insights["positiveRate"]!, 9); // 3 thumbs-up of 6 items: the design's definition
        Assert.Equal(0.75, (double)insights["thumbsUpShare"]!, 9); // 3 of 4 thumbs
        Assert.Equal(0.75, (double)insights["daily"]!.AsArray()[^1]!["thumbsUpShare"]!, 9);
        Assert.Null(insights["daily"]!.AsArray()[0]!["thumbsUpShare"]);
    }

    [Fact]
    public async Task PositiveRateChange_IsShownOnlyAgainstAPreviousWindowWithEnoughFeedback()
    {
        var source = NewSource("change");
        async Task PostDaysAsync(int days, int up, int down)
        {
            for (var day = 0; day < days; day++)
            {
                if (day > 0)
                {
                    app.Clock.Advance(TimeSpan.FromDays(1));
                }
                var items = Enumerable.Range(0, up + down).Select(i =>
                {
                    var id = "i-" + Guid.NewGuid().ToString("N");
                    return new { interactionId = id, type = i < up ? "positive" : "negative", interaction = new { id, query = "Change question", source } };
                }).ToList();
                Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync("/api/v1/feedback/batch", new { items })).StatusCode);
            }
        }
        async Task<(double? Change, int Previous)> ChangeAsync()
        {
            var insights = await (await _client.GetAsync($"/api/v1/insights?days=7&source={source}")).ReadJsonAsync();
            return ((double?)insights["positiveRateChange"], (int)insights["previousTotalFeedback"]!);
        }

        // One busy day before the week: 150 items, but on 1 of its 7 days.
        await PostDaysAsync(1, up: 120, down: 30);
        app.Clock.Advance(TimeSpan.FromDays(7));
        await PostDaysAsync(7, up: 5, down: 5);
        Assert.Equal((null, 150), await ChangeAsync());

        // A week later, the previous week is the 7 days of 10 items each: 70 items, too few.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await PostDaysAsync(7, up: 12, down: 8);
        Assert.Equal((null, 70), await ChangeAsync());

        // Another week: the previous 7 days hold 140 items over all 7 days, enough.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await PostDaysAsync(7, up: 18, down: 2);
        var (change, previous) = await ChangeAsync();
        Assert.Equal(140, previous);
        Assert.Equal(0.9 - 0.6, change!.Value, 9);
    }

    [Fact]
    public async Task Knowledge_WithoutSource_ReturnsEveryEntry()
    {
        var (first, second) = (NewSource("kb-a"), NewSource("kb-b"));
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        foreach (var source in new[] { first, second })
        {
            await _client.PostFeedbackAsync("Which plan has SSO?", "correction", $"Business and up ({source})", source: source);
            var id = (long)(await reviewer.GetItemsAsync($"/api/v1/corrections?status=pending&source={source}"))[0]!["id"]!;
            Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/corrections/{id}/approve", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/corrections/{id}/apply", null)).StatusCode);
        }

        var everything = await _client.GetItemsAsync("/api/v1/knowledge");
        var onlyFirst = await _client.GetItemsAsync($"/api/v1/knowledge?source={first}");

        Assert.Contains(everything, e => ((string)e!["content"]!).Contains(first));
        Assert.Contains(everything, e => ((string)e!["content"]!).Contains(second));
        Assert.DoesNotContain(onlyFirst, e => ((string)e!["content"]!).Contains(second));
    }
}
