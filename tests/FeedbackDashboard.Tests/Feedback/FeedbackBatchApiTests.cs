using System.Net;
using System.Text.Json.Nodes;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Tests.Feedback;

public class FeedbackBatchApiTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private readonly HttpClient _client = app.CreateApiClient();

    private static object Item(string interactionId, string type, object? value = null, string? id = null, string query = "Batch question") => new
    {
        id,
        interactionId,
        type,
        value,
        interaction = new { id = interactionId, query, source = "batch" },
    };

    [Fact]
    public async Task PostBatch_MixedItems_StoresTheGoodOnesAndReportsEachItem()
    {
        var replayKey = "b-" + Guid.NewGuid().ToString("N");
        var items = new[]
        {
            Item("b1-" + Guid.NewGuid(), "positive"),
            Item("b2-" + Guid.NewGuid(), "rating", 9),
            Item("b3-" + Guid.NewGuid(), "correction", "The right answer.", id: replayKey),
            new { id = (string?)null, interactionId = "missing-" + Guid.NewGuid(), type = "negative", value = (object?)null, interaction = (object?)null },
            Item("b5-" + Guid.NewGuid(), "correction", "The right answer.", id: replayKey),
        };
        await using var before = app.CreateDbContext();
        var count = await before.Feedback.CountAsync();

        var response = await _client.PostJsonAsync("/api/v1/feedback/batch", new { items });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var statuses = body["items"]!.AsArray().Select(i => (int)i!["status"]!).ToArray();
        Assert.Equal([202, 400, 202, 404, 409], statuses);
        Assert.True(body["items"]![1]!["errors"]!.AsObject().ContainsKey("value"));
        Assert.Equal(2, (int)body["stored"]!);
        await using var after = app.CreateDbContext();
        Assert.Equal(count + 2, await after.Feedback.CountAsync());
    }

    [Fact]
    public async Task PostBatch_ReplaysKnownIds()
    {
        var key = "b-" + Guid.NewGuid().ToString("N");
        var item = Item("b-" + Guid.NewGuid(), "negative", id: key);
        await _client.PostJsonAsync("/api/v1/feedback/batch", new { items = new[] { item } });

        var response = await _client.PostJsonAsync("/api/v1/feedback/batch", new { items = new[] { item } });

        var result = (await response.ReadJsonAsync())["items"]![0]!;
        Assert.Equal(200, (int)result["status"]!);
        Assert.Equal(key, (string)result["feedback"]!["id"]!);
    }

    [Fact]
    public async Task PostBatch_ThousandItems_StoresAllInOneCall()
    {
        var query = ApiClientExtensions.Unique("Batch load");
        var items = Enumerable.Range(0, 1000).Select(i => Item($"bulk-{Guid.NewGuid():N}", i % 2 == 0 ? "positive" : "rating", i % 2 == 0 ? null : 1 + i % 5, query: query)).ToArray();

        var response = await _client.PostJsonAsync("/api/v1/feedback/batch", new { items });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1000, (int)(await response.ReadJsonAsync())["stored"]!);
    }

    [Fact]
    public async Task PostBatch_OverThousandItems_Is400AndStoresNothing()
    {
        var items = Enumerable.Range(0, 1001).Select(_ => Item($"over-{Guid.NewGuid():N}", "positive")).ToArray();
        await using var before = app.CreateDbContext();
        var count = await before.Feedback.CountAsync();

        var response = await _client.PostJsonAsync("/api/v1/feedback/batch", new { items });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("items"));
        await using var after = app.CreateDbContext();
        Assert.Equal(count, await after.Feedback.CountAsync());
    }

    [Theory]
    [InlineData("""{"items":[]}""")]
    [InlineData("""{"items":"nope"}""")]
    [InlineData("""{}""")]
    public async Task PostBatch_NoItems_Is400NamingItems(string body)
    {
        var response = await _client.PostRawAsync("/api/v1/feedback/batch", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("items"));
    }

    [Fact]
    public async Task PostBatch_NonObjectItem_IsReportedOnItsOwn()
    {
        var good = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Item("ok-" + Guid.NewGuid(), "positive")))!;
        var body = new JsonObject { ["items"] = new JsonArray(good, 42) };

        var response = await _client.PostRawAsync("/api/v1/feedback/batch", body.ToJsonString());

        var statuses = (await response.ReadJsonAsync())["items"]!.AsArray().Select(i => (int)i!["status"]!).ToArray();
        Assert.Equal([202, 400], statuses);
    }
}
