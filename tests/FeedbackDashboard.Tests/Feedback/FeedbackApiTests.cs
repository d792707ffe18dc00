using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Tests.Feedback;

public class FeedbackApiTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private readonly HttpClient _client = app.CreateApiClient();

    private async Task<(int Feedback, int Interactions, int Aggregates)> CountRowsAsync()
    {
        await using var db = app.CreateDbContext();
        return (await db.Feedback.CountAsync(), await db.Interactions.CountAsync(), await db.DailyAggregates.SumAsync(a => a.ThumbsUp + a.ThumbsDown + a.Corrections + a.Ratings));
    }

    private async Task<string> KnownInteractionAsync()
    {
        var id = "known-" + Guid.NewGuid().ToString("N");
        await _client.PostInteractionAsync(id, "A known question");
        return id;
    }

    [Fact]
    public async Task PostFeedback_Valid_Is202WithTheStoredItem()
    {
        var interactionId = await KnownInteractionAsync();

        var response = await _client.PostJsonAsync("/api/v1/feedback", new { id = "client-key-1", interactionId, type = "rating", value = 4, comment = "Good" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("client-key-1", (string)body["id"]!);
        Assert.Equal(interactionId, (string)body["interactionId"]!);
        Assert.Equal("rating", (string)body["type"]!);
        Assert.Equal(4, (int)body["value"]!);
        Assert.Equal(app.Clock.GetUtcNow(), body["createdAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task PostFeedback_WithoutId_GetsAServerAssignedId()
    {
        var interactionId = await KnownInteractionAsync();

        var response = await _client.PostJsonAsync("/api/v1/feedback", new { interactionId, type = "positive" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith("fb_", (string)(await response.ReadJsonAsync())["id"]!);
    }

    [Fact]
    public async Task PostFeedback_SameIdTwice_StoresOnceAndReplaysTheFirstResult()
    {
        var interactionId = await KnownInteractionAsync();
        var body = new { id = "replay-" + Guid.NewGuid().ToString("N"), interactionId, type = "negative", comment = "Wrong" };
        var before = await CountRowsAsync();

        var first = await _client.PostJsonAsync("/api/v1/feedback", body);
        var second = await _client.PostJsonAsync("/api/v1/feedback", body);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        var after = await CountRowsAsync();
        Assert.Equal(before.Feedback + 1, after.Feedback);
        Assert.Equal(before.Aggregates + 1, after.Aggregates);
    }

    [Fact]
    public async Task PostFeedback_SameIdDifferentContent_Is409AndStoresNothing()
    {
        var interactionId = await KnownInteractionAsync();
        var id = "conflict-" + Guid.NewGuid().ToString("N");
        await _client.PostJsonAsync("/api/v1/feedback", new { id, interactionId, type = "negative" });
        var before = await CountRowsAsync();

        var response = await _client.PostJsonAsync("/api/v1/feedback", new { id, interactionId, type = "positive" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("id", (string)(await response.ReadJsonAsync())["field"]!);
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task PostFeedback_ConcurrentSameId_StoresExactlyOne()
    {
        var interactionId = await KnownInteractionAsync();
        var body = new { id = "race-" + Guid.NewGuid().ToString("N"), interactionId, type = "positive" };
        var before = await CountRowsAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _client.PostJsonAsync("/api/v1/feedback", body)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Accepted), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(before.Feedback + 1, (await CountRowsAsync()).Feedback);
    }

    [Fact]
    public async Task PostFeedback_UnknownInteraction_Is404AndStoresNothing()
    {
        var before = await CountRowsAsync();

        var response = await _client.PostJsonAsync("/api/v1/feedback", new { interactionId = "nobody-knows-" + Guid.NewGuid(), type = "positive" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("interactionId", (string)(await response.ReadJsonAsync())["field"]!);
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task PostFeedback_WithInlineInteraction_CreatesTheInteraction()
    {
        var interactionId = "inline-" + Guid.NewGuid().ToString("N");

        var response = await _client.PostJsonAsync("/api/v1/feedback", new
        {
            interactionId,
            type = "positive",
            interaction = new { id = interactionId, query = "Inline question?", response = "Inline answer.", source = "inline-app", metadata = new Dictionary<string, string> { ["model"] = "m1" } },
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await using var db = app.CreateDbContext();
        var interaction = await db.Interactions.SingleAsync(i => i.Id == interactionId);
        Assert.Equal("inline-app", interaction.Source);
        Assert.Equal("m1", interaction.Metadata["model"]);
        Assert.Equal("q:inline question", interaction.PatternKey);
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { """{"interactionId":"KNOWN","type":"rating","value":6}""", "value" },
        { """{"interactionId":"KNOWN","type":"rating","value":0}""", "value" },
        { """{"interactionId":"KNOWN","type":"rating","value":-3}""", "value" },
        { """{"interactionId":"KNOWN","type":"rating","value":4.5}""", "value" },
        { """{"interactionId":"KNOWN","type":"rating","value":"five"}""", "value" },
        { """{"interactionId":"KNOWN","type":"rating","value":99999999999999999999}""", "value" },
        { """{"interactionId":"KNOWN","type":"rating"}""", "value" },
        { """{"interactionId":"KNOWN","type":"meh"}""", "type" },
        { """{"interactionId":"KNOWN","type":"POSITIVE"}""", "type" },
        { """{"interactionId":"KNOWN"}""", "type" },
        { """{"interactionId":"KNOWN","type":"correction"}""", "value" },
        { """{"interactionId":"KNOWN","type":"correction","value":"  "}""", "value" },
        { """{"interactionId":"KNOWN","type":"correction","value":42}""", "value" },
        { """{"interactionId":"KNOWN","type":"correction","value":"Fix","correctionKind":"style"}""", "correctionKind" },
        { """{"interactionId":"KNOWN","type":"positive","correctionKind":"knowledge"}""", "correctionKind" },
        { """{"interactionId":"KNOWN","type":"positive","value":3}""", "value" },
        { $$"""{"interactionId":"KNOWN","type":"negative","comment":"{{new string('c', 4001)}}"}""", "comment" },
        { $$"""{"id":"{{new string('k', 201)}}","interactionId":"KNOWN","type":"positive"}""", "id" },
        { """{"id":"","interactionId":"KNOWN","type":"positive"}""", "id" },
        { """{"id":17,"interactionId":"KNOWN","type":"positive"}""", "id" },
        { """{"interactionId":5,"type":"positive"}""", "interactionId" },
        { """{"type":"positive"}""", "interactionId" },
        { """{"interactionId":"KNOWN","type":"positive","comment":{"a":1}}""", "comment" },
        { """{"interactionId":"KNOWN","type":["positive"]}""", "type" },
        { """{"interactionId":"KNOWN","type":"positive","interaction":{"id":"other","query":"q"}}""", "interaction.id" },
        { """{"interactionId":"NEW","type":"positive","interaction":{"id":"NEW"}}""", "interaction.query" },
        { """not json at all""", "body" },
        { """{"interactionId":"KNOWN","type":"positive" """, "body" },
        { """[1,2,3]""", "body" },
        { """null""", "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task PostFeedback_BadBody_Is400NamingTheFieldAndStoresNothing(string body, string field)
    {
        var known = await KnownInteractionAsync();
        var before = await CountRowsAsync();

        var response = await _client.PostRawAsync("/api/v1/feedback", body.Replace("KNOWN", known).Replace("\"NEW\"", $"\"new-{Guid.NewGuid():N}\""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected an error for '{field}', got {errors.ToJsonString()}");
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task PostFeedback_BodyOver64KiB_Is413AndStoresNothing()
    {
        var known = await KnownInteractionAsync();
        var before = await CountRowsAsync();
        var padding = new string('x', 70 * 1024);

        var response = await _client.PostRawAsync("/api/v1/feedback", $$"""{"interactionId":"{{known}}","type":"positive","padding":"{{padding}}"}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task PostFeedback_NotJson_Is415()
    {
        var response = await _client.PostRawAsync("/api/v1/feedback", "type=positive", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task PostFeedback_UpdatesTheDailyAggregateInTheSameCommit()
    {
        var source = "agg-" + Guid.NewGuid().ToString("N");
        await _client.PostFeedbackAsync("Aggregate me", "positive", source: source);
        await _client.PostFeedbackAsync("Aggregate me", "rating", value: 2, source: source);
        await _client.PostFeedbackAsync("Aggregate me", "rating", value: 5, source: source);

        await using var db = app.CreateDbContext();
        var row = await db.DailyAggregates.SingleAsync(a => a.Source == source);
        Assert.Equal(1, row.ThumbsUp);
        Assert.Equal(2, row.Ratings);
        Assert.Equal(7, row.RatingSum);
        Assert.Equal(1, row.Rating2);
        Assert.Equal(1, row.Rating5);
    }
}
