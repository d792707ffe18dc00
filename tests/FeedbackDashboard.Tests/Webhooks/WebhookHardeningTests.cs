using System.Net;
using System.Net.Http.Json;
using FeedbackDashboard.Core.Webhooks;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace FeedbackDashboard.Tests.Webhooks;

/// <summary>A webhook cannot reach into the network the dashboard runs in, and one bad receiver cannot jam the others.</summary>
public class WebhookHardeningTests(WebhookHardeningTests.PublicTargetsOnly app) : IClassFixture<WebhookHardeningTests.PublicTargetsOnly>
{
    private static readonly DemoAccounts.Account Admin = DemoAccounts.All.Single(a => a.Role == AppRoles.Admin);
    private static readonly DemoAccounts.Account Reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);

    /// <summary>The product's default: Webhooks:AllowPrivateTargets off.</summary>
    public sealed class PublicTargetsOnly : FeedbackAppFactoryBase
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Webhooks:AllowPrivateTargets", "false");
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://0x7f000001/hook")]
    [InlineData("http://2130706433/hook")]
    [InlineData("http://017700000001/hook")]
    [InlineData("http://localhost:5000/hook")]
    [InlineData("http://api.localhost/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.20.0.5/hook")]
    [InlineData("http://192.168.1.10/hook")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    public async Task PrivateTargets_AreRefusedAtCreation_NamingUrl(string url)
    {
        var admin = await app.CreateSignedInClientAsync(Admin);

        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("url"));
    }

    [Fact]
    public async Task APublicAddress_IsAccepted()
    {
        var admin = await app.CreateSignedInClientAsync(Admin);

        var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://93.184.216.34/hook" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await admin.DeleteAsync($"/api/v1/webhooks/{(long)(await response.ReadJsonAsync())["webhook"]!["id"]!}");
    }

    /// <summary>
    /// A name that resolved to a public address when the webhook was made may point inside later:
    /// the address dialled is checked on every connection. Stored directly, as a DNS change would leave it.
    /// </summary>
    [Fact]
    public async Task APrivateAddressAtDeliveryTime_IsRefused_AndLoggedInAFewWords()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        long id;
        await using (var db = app.CreateDbContext())
        {
            var subscription = new WebhookSubscription { Url = receiver.Url.ToString(), Secret = "whsec_test", CreatedBy = "test", CreatedAt = app.Clock.GetUtcNow() };
            db.WebhookSubscriptions.Add(subscription);
            await db.SaveChangesAsync();
            id = subscription.Id;
        }
        var admin = await app.CreateSignedInClientAsync(Admin);
        await ApplyACorrectionAsync();

        var attempt = await FirstAttemptAsync(admin, id);

        Assert.Empty(receiver.Calls);
        Assert.Null(attempt["statusCode"]);
        Assert.Equal("private address refused", (string)attempt["error"]!);
    }

    private async Task ApplyACorrectionAsync()
    {
        var source = "hook-" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateApiClient().PostFeedbackAsync("How do I rotate a key?", "correction", "Create the new key, then revoke the old one.", source: source);
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        var correction = (long)(await reviewer.GetItemsAsync($"/api/v1/corrections?status=pending&source={source}"))[0]!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/corrections/{correction}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/corrections/{correction}/apply", null)).StatusCode);
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> FirstAttemptAsync(HttpClient admin, long webhook)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var deliveries = await admin.GetItemsAsync($"/api/v1/webhooks/{webhook}/deliveries");
            if (deliveries.FirstOrDefault()?["attemptLog"]?.AsArray() is { Count: > 0 } attempts)
            {
                return attempts[0]!;
            }
            Assert.True(DateTime.UtcNow < deadline, "no attempt was made");
            await Task.Delay(50);
        }
    }
}

/// <summary>Receivers on loopback (allowed, as the tests' factory does): a redirecting one must not jam a healthy one.</summary>
public class WebhookIsolationTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private static readonly DemoAccounts.Account Admin = DemoAccounts.All.Single(a => a.Role == AppRoles.Admin);
    private static readonly DemoAccounts.Account Reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);

    [Fact]
    public async Task AReceiverRedirectingToAFileUrl_FailsItsOwnDelivery_AndTheHealthyReceiverGetsTheEventOnce()
    {
        await using var redirecting = await WebhookReceiver.StartAsync(redirectTo: "file:///etc/passwd");
        await using var healthy = await WebhookReceiver.StartAsync();
        var admin = await app.CreateSignedInClientAsync(Admin);
        var bad = (long)(await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = redirecting.Url.ToString(), events = new[] { "knowledge.published" } })).ReadJsonAsync())["webhook"]!["id"]!;
        var good = (long)(await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = healthy.Url.ToString(), events = new[] { "knowledge.published" } })).ReadJsonAsync())["webhook"]!["id"]!;

        var source = "jam-" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateApiClient().PostFeedbackAsync("Which plan has SSO?", "correction", "Business and Enterprise.", source: source);
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);
        var correction = (long)(await reviewer.GetItemsAsync($"/api/v1/corrections?status=pending&source={source}"))[0]!["id"]!;
        await reviewer.PostAsync($"/api/v1/corrections/{correction}/approve", null);
        await reviewer.PostAsync($"/api/v1/corrections/{correction}/apply", null);

        await healthy.WaitForCallsAsync(1);
        await redirecting.WaitForCallsAsync(1);
        // Past the first retry of the failed one: the healthy receiver is not sent the event again.
        for (var i = 0; i < 4; i++)
        {
            app.Clock.Advance(RetrySchedule.Delay(1 + i));
            await Task.Delay(300);
        }

        Assert.Single(healthy.Calls);
        Assert.True(redirecting.Calls.Count >= 2, $"{redirecting.Calls.Count} calls: the failed delivery is retried");
        var failed = (await admin.GetItemsAsync($"/api/v1/webhooks/{bad}/deliveries"))[0]!;
        var attempt = failed["attemptLog"]!.AsArray()[0]!;
        Assert.Equal(302, (int)attempt["statusCode"]!);
        Assert.Contains("redirects are not followed", (string)attempt["error"]!);
        Assert.Equal("delivered", (string)(await admin.GetItemsAsync($"/api/v1/webhooks/{good}/deliveries"))[0]!["status"]!);
        await admin.DeleteAsync($"/api/v1/webhooks/{bad}");
        await admin.DeleteAsync($"/api/v1/webhooks/{good}");
    }
}
