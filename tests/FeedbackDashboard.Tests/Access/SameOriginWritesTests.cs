using System.Net;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace FeedbackDashboard.Tests.Access;

/// <summary>
/// A page on another port of the same host (SameSite=Lax lets the cookie through) cannot act as the
/// signed-in reviewer: writes and the hub refuse foreign origins; scripts and SDKs, which send
/// neither Origin nor Sec-Fetch-Site, and API keys are unaffected.
/// </summary>
public class SameOriginWritesTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    private static readonly DemoAccounts.Account Reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);

    private static HttpRequestMessage Post(string url, string? origin, string? site, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content ?? new StringContent("", System.Text.Encoding.UTF8, "text/plain") };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (site is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", site);
        }
        return request;
    }

    [Theory]
    [InlineData("http://127.0.0.1:1", null)] // another port of the same host, as an old browser says it
    [InlineData(null, "same-site")] // a sibling subdomain
    [InlineData(null, "cross-site")]
    [InlineData("http://evil.example", "cross-site")]
    [InlineData("null", null)] // a sandboxed frame or a data: page
    public async Task ACookieWriteFromAnotherOrigin_Is403_AndChangesNothing(string? origin, string? site)
    {
        var reviewer = await app.SignInAsync(Reviewer);
        var source = "origin-" + Guid.NewGuid().ToString("N")[..8];
        var api = app.CreateApiClient();
        var query = ApiClientExtensions.Unique("Origin");
        for (var i = 0; i < 5; i++)
        {
            await api.PostFeedbackAsync(query, "negative", pattern: query, source: source);
        }
        await app.Factory.WaitForPipelineAsync();
        var task = (long)(await reviewer.Client.GetItemsAsync($"/api/v1/review-tasks?source={source}"))[0]!["id"]!;

        var response = await reviewer.Client.SendAsync(Post($"/api/v1/review-tasks/{task}/claim", origin, site));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("open", (string)(await (await reviewer.Client.GetAsync($"/api/v1/review-tasks/{task}")).ReadJsonAsync())["status"]!);

        var own = await reviewer.Client.SendAsync(Post($"/api/v1/review-tasks/{task}/claim", app.BaseAddress.GetLeftPart(UriPartial.Authority), "same-origin"));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var script = await reviewer.Client.SendAsync(Post($"/api/v1/review-tasks/{task}/release", null, null));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task AnApiKey_IsUnaffectedByOrigin()
    {
        var api = app.CreateApiClient();
        api.DefaultRequestHeaders.Add("Origin", "http://evil.example");
        api.DefaultRequestHeaders.Add("Sec-Fetch-Site", "cross-site");

        var response = await api.PostFeedbackAsync(ApiClientExtensions.Unique("Keyed"), "positive");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task TheHub_RefusesAForeignOrigin_OnNegotiateAndOnADirectWebSocket()
    {
        var reviewer = await app.SignInAsync(Reviewer);

        var negotiate = await reviewer.Client.SendAsync(Post("/hubs/review/negotiate?negotiateVersion=1", "http://127.0.0.1:1", null));
        Assert.Equal(HttpStatusCode.Forbidden, negotiate.StatusCode);

        await using var foreign = app.Hub(reviewer.Cookies, new Dictionary<string, string> { ["Origin"] = "http://127.0.0.1:1" });
        await Assert.ThrowsAnyAsync<Exception>(() => foreign.StartAsync());

        using var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.Cookies = reviewer.Cookies;
        socket.Options.SetRequestHeader("Origin", "http://127.0.0.1:1");
        var ws = new UriBuilder(app.BaseAddress) { Scheme = "ws", Path = "/hubs/review" }.Uri;
        await Assert.ThrowsAnyAsync<System.Net.WebSockets.WebSocketException>(() => socket.ConnectAsync(ws, CancellationToken.None));

        await using var own = app.Hub(reviewer.Cookies);
        await own.StartAsync();
        Assert.Equal(HubConnectionState.Connected, own.State);
    }
}
