using System.Net;
using System.Net.Http.Json;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace FeedbackDashboard.Tests.FeedbackTokens;

public sealed class FeedbackTokenAppFactory : FeedbackAppFactoryBase
{
    public const string Shop = "https://shop.example";

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("FeedbackTokens:AllowedOrigins:0", Shop);
        builder.UseSetting("FeedbackTokens:LifetimeMinutes", "10");
        builder.UseSetting("RateLimiting:FeedbackTokenPermitsPerMinute", "5");
    }
}

/// <summary>Feedback from an end user's browser with a token for one interaction: what it may do, and everything it may not.</summary>
public class FeedbackTokenTests(FeedbackTokenAppFactory app) : IClassFixture<FeedbackTokenAppFactory>
{
    private readonly HttpClient _api = app.CreateApiClient();

    private async Task<(string Interaction, string Token)> TokenAsync()
    {
        var id = "tok-" + Guid.NewGuid().ToString("N");
        await _api.PostInteractionAsync(id, "Which size should I order?");
        var response = await _api.PostAsync($"/api/v1/interactions/{id}/feedback-tokens", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(10), (DateTimeOffset)body["expiresAt"]!);
        return (id, (string)body["token"]!);
    }

    private async Task<string> TokenForAsync(string interaction)
    {
        var response = await _api.PostAsync($"/api/v1/interactions/{interaction}/feedback-tokens", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await response.ReadJsonAsync())["token"]!;
    }

    private HttpClient Browser(string token)
    {
        var client = app.CreateApiClient(apiKey: null, settle: false);
        client.DefaultRequestHeaders.Add("X-Feedback-Token", token);
        return client;
    }

    [Fact]
    public async Task ATokenPostsFeedbackForItsInteraction_AndTheApplicationSeesIt()
    {
        var (interaction, token) = await TokenAsync();

        var response = await Browser(token).PostAsJsonAsync("/api/v1/feedback", new { interactionId = interaction, type = "negative", comment = "Runs small" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await (await _api.GetAsync($"/api/v1/interactions/{interaction}")).ReadJsonAsync();
        Assert.Equal("Runs small", (string)stored["feedback"]![0]!["comment"]!);
    }

    [Fact]
    public async Task ATokenIsRefused_ForAnotherInteraction_WithAnInlineInteraction_AfterExpiry_AndWhenTamperedWith()
    {
        var (interaction, token) = await TokenAsync();
        var (other, _) = await TokenAsync();
        var browser = Browser(token);

        var forOther = await browser.PostAsJsonAsync("/api/v1/feedback", new { interactionId = other, type = "positive" });
        var inline = await browser.PostAsJsonAsync("/api/v1/feedback",
            new { interactionId = interaction, type = "positive", interaction = new { id = interaction, query = "Changed?", source = "tests" } });
        var tampered = await Browser(token[..^4] + "AAAA").PostAsJsonAsync("/api/v1/feedback", new { interactionId = interaction, type = "positive" });

        Assert.Equal(HttpStatusCode.Forbidden, forOther.StatusCode);
        Assert.Equal("interactionId", (string)(await forOther.ReadJsonAsync())["field"]!);
        Assert.Equal(HttpStatusCode.BadRequest, inline.StatusCode);
        Assert.True((await inline.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("interaction"));
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await browser.PostAsJsonAsync("/api/v1/feedback", new { interactionId = interaction, type = "positive" });
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("expired", (string)(await expired.ReadJsonAsync())["detail"]!);
        var stored = await (await _api.GetAsync($"/api/v1/interactions/{interaction}")).ReadJsonAsync();
        Assert.Empty(stored["feedback"]!.AsArray());
    }

    [Theory]
    [InlineData("GET", "/api/v1/feedback")]
    [InlineData("GET", "/api/v1/insights")]
    [InlineData("GET", "/api/v1/knowledge")]
    [InlineData("GET", "/api/v1/review-tasks")]
    [InlineData("GET", "/api/v1/changes")]
    [InlineData("GET", "/api/v1/datasets/corrections")]
    [InlineData("POST", "/api/v1/interactions")]
    [InlineData("POST", "/api/v1/feedback/batch")]
    [InlineData("POST", "/api/v1/interactions/{interaction}/feedback-tokens")]
    public async Task ATokenCannotReadAnything_NorRecordInteractions_NorMakeTokens(string method, string route)
    {
        var (interaction, token) = await TokenAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), route.Replace("{interaction}", interaction));
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { id = "x", query = "q", items = Array.Empty<object>() });
        }

        var response = await Browser(token).SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task OnlyAnIngestKeyMakesTokens_AndOnlyForARecordedInteraction()
    {
        var reviewer = await app.CreateSignedInClientAsync(FeedbackDashboard.Features.Access.DemoAccounts.All.Single(a => a.Role == "Reviewer"));

        Assert.Equal(HttpStatusCode.NotFound, (await _api.PostAsync("/api/v1/interactions/never-recorded/feedback-tokens", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateApiClient(apiKey: null).PostAsync("/api/v1/interactions/x/feedback-tokens", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync("/api/v1/interactions/x/feedback-tokens", null)).StatusCode);
    }

    [Fact]
    public async Task CorsAnswersTheConfiguredOriginOnly_WithoutCredentials()
    {
        var client = app.CreateApiClient(apiKey: null, settle: false);
        async Task<HttpResponseMessage> PreflightAsync(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/feedback");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type,x-feedback-token");
            return await client.SendAsync(request);
        }

        var allowed = await PreflightAsync(FeedbackTokenAppFactory.Shop);
        var refused = await PreflightAsync("https://evil.example");
        var elsewhere = new HttpRequestMessage(HttpMethod.Options, "/api/v1/insights");
        elsewhere.Headers.Add("Origin", FeedbackTokenAppFactory.Shop);
        elsewhere.Headers.Add("Access-Control-Request-Method", "GET");

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(FeedbackTokenAppFactory.Shop, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(allowed.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False((await client.SendAsync(elsewhere)).Headers.Contains("Access-Control-Allow-Origin"));

        var (interaction, token) = await TokenAsync();
        var browser = Browser(token);
        browser.DefaultRequestHeaders.Add("Origin", FeedbackTokenAppFactory.Shop);
        browser.DefaultRequestHeaders.Add("Sec-Fetch-Site", "cross-site");
        var posted = await browser.PostAsJsonAsync("/api/v1/feedback", new { interactionId = interaction, type = "positive" });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal(FeedbackTokenAppFactory.Shop, posted.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task ATokenSendsOneThumbOneRatingAndOneCorrection_AResendIsAReplay_AndMoreIsRefused()
    {
        var (interaction, token) = await TokenAsync();
        var browser = Browser(token);

        var thumb = await browser.PostAsJsonAsync("/api/v1/feedback", new { interactionId = interaction, type = "negative", comment = "Runs small" });
        var resent = await browser.PostAsJsonAsync("/api/v1/feedback", new { interactionId = interaction, type = "negative", comment = "Runs small" });
        var stuffed = await browser.PostAsJsonAsync("/api/v1/feedback", new { interactionId = interaction, type = "negative", comment = "Really small" });
        var turned = await browser.PostAsJsonAsync("/api/v1/feedback", new { id = "my-own-id", interactionId = interaction, type = "positive" });
        // The same token, past this factory's 5 posts a minute: the rest on a second token for the same interaction.
        var second = Browser(await TokenForAsync(interaction));
        var rating = await second.PostAsJsonAsync("/api/v1/feedback", new { interactionId = interaction, type = "rating", value = 2 });
        var correction = await second.PostAsJsonAsync("/api/v1/feedback", new { interactionId = interaction, type = "correction", value = "Order one size up.", correctionKind = "knowledge" });
        var secondRating = await second.PostAsJsonAsync("/api/v1/feedback", new { interactionId = interaction, type = "rating", value = 1 });

        Assert.Equal(HttpStatusCode.Accepted, thumb.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal("true", resent.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((string)(await thumb.ReadJsonAsync())["id"]!, (string)(await resent.ReadJsonAsync())["id"]!);
        Assert.Equal(HttpStatusCode.Conflict, stuffed.StatusCode);
        Assert.Equal("X-Feedback-Token", (string)(await stuffed.ReadJsonAsync())["field"]!);
        Assert.Equal(HttpStatusCode.Conflict, turned.StatusCode); // a thumb is up or down, and an id of the page's own makes no second one
        Assert.Equal(HttpStatusCode.Accepted, rating.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, correction.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondRating.StatusCode);
        var stored = await (await _api.GetAsync($"/api/v1/interactions/{interaction}")).ReadJsonAsync();
        Assert.Equal(3, (int)stored["feedbackCount"]!); // the first token's thumb, the second's rating and correction
    }

    [Fact]
    public async Task ATokenIsRateLimited_OnItsOwn()
    {
        var (interaction, token) = await TokenAsync();
        var browser = Browser(token);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await browser.PostAsJsonAsync("/api/v1/feedback", new { interactionId = interaction, type = "rating", value = 4 })).StatusCode);
        }
        var (other, otherToken) = await TokenAsync();

        // One stored item, then replays (a token sends one item), until the token's bucket is empty.
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.Accepted, (await Browser(otherToken).PostAsJsonAsync("/api/v1/feedback", new { interactionId = other, type = "positive" })).StatusCode);
    }
}
