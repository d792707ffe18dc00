using System.Net;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Tests.Feedback;

/// <summary>Input that two readers could read differently is refused whole, naming the field, and stores nothing.</summary>
public class AmbiguousInputTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private readonly HttpClient _client = app.CreateApiClient();

    [Theory]
    [InlineData("""{"interactionId":"dup-1","type":"positive","type":"negative","interaction":{"id":"dup-1","query":"q","source":"dup"}}""", "type")]
    [InlineData("""{"interactionId":"dup-2","type":"positive","interaction":{"id":"dup-2","query":"q","source":"dup","source":"other"}}""", "interaction.source")]
    [InlineData("""{"interactionId":"dup-3","type":"positive","interaction":{"id":"dup-3","query":"q","source":"dup","metadata":{"model":"a","model":"b"}}}""", "interaction.metadata.model")]
    public async Task DuplicateKeys_Are400NamingTheField_AndStoreNothing(string body, string field)
    {
        var response = await _client.PostRawAsync("/api/v1/feedback", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), errors.ToJsonString());
        await using var db = app.CreateDbContext();
        Assert.False(await db.Interactions.AnyAsync(i => i.Source == "dup" || i.Source == "other"));
    }

    [Theory]
    [InlineData("source", "bot\u202Eoc.live")]
    [InlineData("source", "support\u2066-bot")]
    [InlineData("pattern", "refund\u200Fpolicy")]
    public async Task BidirectionalControls_InSourceOrPattern_Are400(string field, string value)
    {
        var interactionId = "bidi-" + Guid.NewGuid().ToString("N");
        var response = await _client.PostJsonAsync("/api/v1/feedback", new
        {
            interactionId, type = "negative",
            interaction = new { id = interactionId, query = "A question", source = field == "source" ? value : "bidi", pattern = field == "pattern" ? value : null },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey($"interaction.{field}"));
    }
}
