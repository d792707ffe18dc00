using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Feedback;

/// <summary>GET /api/v1/feedback: filters, metadata, and a cursor that pages without gaps or repeats.</summary>
public class FeedbackListApiTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private readonly HttpClient _client = app.CreateApiClient();

    private async Task<string> PostAsync(string source, string type, object? value = null, string? comment = null, Dictionary<string, string>? metadata = null)
    {
        var id = "fb-" + Guid.NewGuid().ToString("N");
        var interactionId = "i-" + Guid.NewGuid().ToString("N");
        var response = await _client.PostAsJsonAsync("/api/v1/feedback", new
        {
            id, interactionId, type, value, comment,
            interaction = new { id = interactionId, query = "Where is my parcel?", response = "On its way.", source, metadata },
        });
        response.EnsureSuccessStatusCode();
        return id;
    }

    private async Task<(List<string> Ids, string? Next)> ListAsync(string query)
    {
        var response = await _client.GetAsync("/api/v1/feedback?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadJsonAsync();
        return (page["items"]!.AsArray().Select(i => (string)i!["feedback"]!["id"]!).ToList(), (string?)page["nextCursor"]);
    }

    [Fact]
    public async Task EachFilter_NarrowsTheList_NewestFirst()
    {
        var source = "list-" + Guid.NewGuid().ToString("N")[..8];
        var negative = await PostAsync(source, "negative", comment: "Late again");
        var silentNegative = await PostAsync(source, "negative");
        var five = await PostAsync(source, "rating", 5);
        var two = await PostAsync(source, "rating", 2, comment: "Meh", metadata: new() { ["promptVersion"] = "v42", ["model"] = "m1" });
        var positive = await PostAsync(source, "positive", metadata: new() { ["promptVersion"] = "v41", ["model"] = "m1" });

        Assert.Equal([positive, two, five, silentNegative, negative], (await ListAsync($"source={source}")).Ids);
        Assert.Equal([silentNegative, negative], (await ListAsync($"source={source}&type=negative")).Ids);
        Assert.Equal([two, negative], (await ListAsync($"source={source}&hasComment=true")).Ids);
        Assert.Equal([positive, five, silentNegative], (await ListAsync($"source={source}&hasComment=false")).Ids);
        Assert.Equal([two], (await ListAsync($"source={source}&rating=2")).Ids);
        Assert.Equal([two], (await ListAsync($"source={source}&metadata.promptVersion=v42")).Ids);
        Assert.Equal([positive, two], (await ListAsync($"source={source}&metadata.model=m1")).Ids);
        Assert.Empty((await ListAsync($"source={source}&metadata.model=m1&metadata.promptVersion=v40")).Ids);
        Assert.Empty((await ListAsync($"source={source}&from={Uri.EscapeDataString(app.Clock.GetUtcNow().AddMinutes(1).ToString("O"))}")).Ids);
        Assert.Equal(5, (await ListAsync($"source={source}&to={Uri.EscapeDataString(app.Clock.GetUtcNow().AddMinutes(1).ToString("O"))}")).Ids.Count);
    }

    [Fact]
    public async Task ItemsCarryTheirQueryAndMetadata()
    {
        var source = "list-" + Guid.NewGuid().ToString("N")[..8];
        await PostAsync(source, "negative", metadata: new() { ["promptVersion"] = "v7" });

        var item = (await (await _client.GetAsync($"/api/v1/feedback?source={source}")).ReadJsonAsync())["items"]![0]!;

        Assert.Equal("Where is my parcel?", (string)item["query"]!);
        Assert.Equal("v7", (string)item["metadata"]!["promptVersion"]!);
        Assert.Equal("negative", (string)item["feedback"]!["type"]!);
    }

    [Fact]
    public async Task TheCursor_PagesThroughEverything_WithoutRepeats_EvenWhileFeedbackArrives()
    {
        var source = "list-" + Guid.NewGuid().ToString("N")[..8];
        var posted = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            posted.Add(await PostAsync(source, "positive"));
        }

        var seen = new List<string>();
        var (ids, next) = await ListAsync($"source={source}&limit=3");
        seen.AddRange(ids);
        await PostAsync(source, "positive"); // newer than every page: not part of this walk
        var pages = 1;
        while (next is not null)
        {
            (ids, next) = await ListAsync($"source={source}&limit=3&cursor={Uri.EscapeDataString(next)}");
            seen.AddRange(ids);
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(posted), seen);
    }

    [Theory]
    [InlineData("type=thumbs", "type")]
    [InlineData("rating=9", "rating")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("hasComment=maybe", "hasComment")]
    [InlineData("from=yesterday", "from")]
    [InlineData("cursor=not-a-cursor!", "cursor")]
    [InlineData("metadata.=x", "metadata.")]
    public async Task BadParameters_Are400NamingTheParameter(string query, string field)
    {
        var response = await _client.GetAsync("/api/v1/feedback?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"errors: {errors.ToJsonString()}");
    }
}
