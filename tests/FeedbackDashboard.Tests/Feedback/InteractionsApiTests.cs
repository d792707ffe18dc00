using System.Net;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Tests.Feedback;

public class InteractionsApiTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private readonly HttpClient _client = app.CreateApiClient();

    [Fact]
    public async Task PostInteraction_New_Is201_SameAgain_Is200_Different_Is409()
    {
        var id = "int-" + Guid.NewGuid().ToString("N");
        var body = new { id, query = "How do I rotate an API key?", response = "Create a new one first.", source = "docs", metadata = new Dictionary<string, string> { ["model"] = "m" } };

        var created = await _client.PostJsonAsync("/api/v1/interactions", body);
        var again = await _client.PostJsonAsync("/api/v1/interactions", body);
        var different = await _client.PostJsonAsync("/api/v1/interactions", body with { response = "Something else." });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, different.StatusCode);
        Assert.Equal("id", (string)(await different.ReadJsonAsync())["field"]!);
        // Acknowledged before the pipeline assigned its pattern; read again once it has.
        Assert.Null((string?)(await created.ReadJsonAsync())["patternKey"]);
        Assert.NotNull((string?)(await again.ReadJsonAsync())["patternKey"]);
        await using var db = app.CreateDbContext();
        var stored = await db.Interactions.SingleAsync(i => i.Id == id);
        Assert.Equal("Create a new one first.", stored.Response);
        Assert.Equal(384, stored.QueryEmbedding!.Length);
    }

    [Fact]
    public async Task PostInteraction_WithoutSource_UsesDefault()
    {
        var id = "int-" + Guid.NewGuid().ToString("N");

        var response = await _client.PostJsonAsync("/api/v1/interactions", new { id, query = "Hello?" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("default", (string)(await response.ReadJsonAsync())["source"]!);
    }

    [Theory]
    [InlineData("""{"query":"q"}""", "id")]
    [InlineData("""{"id":"x1"}""", "query")]
    [InlineData("""{"id":"x2","query":"   "}""", "query")]
    [InlineData("""{"id":"x3","query":"q","pattern":""}""", "pattern")]
    [InlineData("""{"id":"x4","query":"q","metadata":{"model":5}}""", "metadata.model")]
    [InlineData("""{"id":"x5","query":"q","metadata":["a"]}""", "metadata")]
    public async Task PostInteraction_BadBody_Is400NamingTheFieldAndStoresNothing(string body, string field)
    {
        await using var before = app.CreateDbContext();
        var count = await before.Interactions.CountAsync();

        var response = await _client.PostRawAsync("/api/v1/interactions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field));
        await using var after = app.CreateDbContext();
        Assert.Equal(count, await after.Interactions.CountAsync());
    }
}
