using System.Net;
using System.Net.Http.Json;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Review;

/// <summary>
/// The queue puts what hurts users now first: a fresh pattern at 5 of 5 negative outranks an old
/// one that absorbed many items and has recovered; a recovered task says so and resolves in one call.
/// </summary>
public class ReviewSeverityTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private static readonly DemoAccounts.Account Reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);
    private readonly HttpClient _client = app.CreateApiClient();

    private async Task<long> RaiseAsync(string pattern, string source, int healthyAfter = 0)
    {
        for (var i = 0; i < 5; i++)
        {
            await _client.PostFeedbackAsync(pattern, "negative", comment: $"Wrong ({i})", pattern: pattern, source: source);
        }
        for (var i = 0; i < healthyAfter; i++)
        {
            await _client.PostFeedbackAsync(pattern, "positive", pattern: pattern, source: source);
        }
        var tasks = await _client.GetItemsAsync($"/api/v1/review-tasks?source={source}&search={Uri.EscapeDataString(pattern)}");
        return (long)Assert.Single(tasks)!["id"]!;
    }

    [Fact]
    public async Task Queue_SortsBySeverityByDefault_AndARecoveredTaskSaysSo()
    {
        var source = "severity-" + Guid.NewGuid().ToString("N")[..8];
        var old = await RaiseAsync(ApiClientExtensions.Unique("Old pattern"), source, healthyAfter: 40);
        var fresh = await RaiseAsync(ApiClientExtensions.Unique("Fresh pattern"), source);

        var bySeverity = await _client.GetItemsAsync($"/api/v1/review-tasks?source={source}");
        var byRelated = await _client.GetItemsAsync($"/api/v1/review-tasks?source={source}&sort=related");

        Assert.Equal([fresh, old], bySeverity.Select(t => (long)t!["id"]!));
        Assert.Equal([old, fresh], byRelated.Select(t => (long)t!["id"]!));
        var (freshTask, oldTask) = (bySeverity[0]!, bySeverity[1]!);
        Assert.Equal("high", (string)oldTask["priority"]!); // the design's priority stays: 45 related
        Assert.Equal("medium", (string)freshTask["priority"]!);
        Assert.True((double)freshTask["severity"]! > (double)oldTask["severity"]!);
        Assert.InRange((double)freshTask["severity"]!, 0.1, 100);
        Assert.Equal(1.0, (double)freshTask["currentNegativeShare"]!);
        Assert.Equal(0.0, (double)oldTask["currentNegativeShare"]!);
        Assert.Equal(5, (int)freshTask["recentReach"]!);
        Assert.False((bool)freshTask["recovering"]!);
        Assert.True((bool)oldTask["recovering"]!);

        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        var resolved = await reviewer.PostAsJsonAsync($"/api/v1/review-tasks/{old}/resolve", new { note = "Recovered after the prompt fix." });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
    }

    [Fact]
    public async Task Recovering_NeedsTheConfiguredNumberOfHealthyItems()
    {
        var source = "recovering-" + Guid.NewGuid().ToString("N")[..8];
        var pattern = ApiClientExtensions.Unique("Recovering pattern");
        var id = await RaiseAsync(pattern, source, healthyAfter: 25);
        async Task<bool> RecoveringAsync() => (bool)(await (await _client.GetAsync($"/api/v1/review-tasks/{id}")).ReadJsonAsync())["recovering"]!;

        // The 7th positive is the first whose window of 10 is at the threshold (3 of 10), not over it:
        // after the 25th, 19 windows in a row have been under; the 26th makes the 20 of Review:RecoveringAfterItems.
        Assert.False(await RecoveringAsync());
        await _client.PostFeedbackAsync(pattern, "positive", pattern: pattern, source: source);
        Assert.True(await RecoveringAsync());
        await _client.PostFeedbackAsync(pattern, "negative", pattern: pattern, source: source);
        await _client.PostFeedbackAsync(pattern, "negative", pattern: pattern, source: source);
        await _client.PostFeedbackAsync(pattern, "negative", pattern: pattern, source: source);
        await _client.PostFeedbackAsync(pattern, "negative", pattern: pattern, source: source);
        Assert.False(await RecoveringAsync());
    }

    [Theory]
    [InlineData("/api/v1/review-tasks?sort=loudest", "sort")]
    [InlineData("/api/v1/review-tasks/1/feedback?kind=happy", "kind")]
    public async Task UnknownSortOrKind_Is400NamingIt(string url, string field)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task RelatedItems_FilterByKind_AndTheTasksCorrectionsAreOneFilterAway()
    {
        var source = "kinds-" + Guid.NewGuid().ToString("N")[..8];
        var pattern = ApiClientExtensions.Unique("Kinds pattern");
        for (var i = 0; i < 4; i++)
        {
            await _client.PostFeedbackAsync(pattern, "negative", pattern: pattern, source: source);
        }
        await _client.PostFeedbackAsync(pattern, "correction", "The right answer.", pattern: pattern, source: source);
        await _client.PostFeedbackAsync(pattern, "negative", pattern: pattern, source: source);
        await _client.PostFeedbackAsync(pattern, "positive", pattern: pattern, source: source);
        await _client.PostFeedbackAsync(ApiClientExtensions.Unique("Elsewhere"), "correction", "Another answer.", source: source);
        var id = (long)Assert.Single(await _client.GetItemsAsync($"/api/v1/review-tasks?source={source}"))!["id"]!;

        var all = await _client.GetItemsAsync($"/api/v1/review-tasks/{id}/feedback?kind=all");
        var negative = await _client.GetItemsAsync($"/api/v1/review-tasks/{id}/feedback?kind=negative");
        var corrections = await _client.GetItemsAsync($"/api/v1/review-tasks/{id}/feedback?kind=corrections");

        Assert.Equal(7, all.Count);
        Assert.Equal(5, negative.Count);
        Assert.All(negative, r => Assert.Equal("negative", (string)r!["feedback"]!["type"]!));
        Assert.Equal("The right answer.", (string)Assert.Single(corrections)!["feedback"]!["value"]!);

        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        var pending = await reviewer.GetItemsAsync($"/api/v1/corrections?status=pending&task={id}");
        Assert.Equal("The right answer.", (string)Assert.Single(pending)!["text"]!);
    }
}

/// <summary>Reach is of the last 7 days, so a task nobody has hit for a week sinks even without new feedback. Moves the clock: an app of its own.</summary>
public class SeverityRefreshTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    [Fact]
    public async Task Refresher_LowersSeverity_AsTheReachOfTheLastWeekAges()
    {
        var client = app.CreateApiClient();
        var pattern = ApiClientExtensions.Unique("Ageing pattern");
        for (var i = 0; i < 5; i++)
        {
            await client.PostFeedbackAsync(pattern, "negative", pattern: pattern);
        }
        var id = (long)(await client.GetItemsAsync($"/api/v1/review-tasks?search={Uri.EscapeDataString(pattern)}"))[0]!["id"]!;
        async Task<double> SeverityAsync() => (double)(await (await client.GetAsync($"/api/v1/review-tasks/{id}")).ReadJsonAsync())["severity"]!;
        var before = await SeverityAsync();

        // The refresher's own timer fires as the clock passes its interval; a refresh now settles any race with it.
        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.Services.GetRequiredService<FeedbackDashboard.Features.Review.TaskSeverityRefresher>().RefreshAsync();

        Assert.True(before > 0);
        Assert.Equal(0, await SeverityAsync());
    }
}
