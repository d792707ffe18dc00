using System.Net;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Access;

public sealed class LowRateLimitAppFactory : FeedbackAppFactoryBase
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("RateLimiting:IngestPermitsPerSecond", "3");
}

public class RateLimitingTests(LowRateLimitAppFactory app) : IClassFixture<LowRateLimitAppFactory>
{
    [Fact]
    public async Task FloodFromOneKey_Gets429WithRetryAfter_WhileAnotherKeyKeepsFlowing()
    {
        var other = await app.Services.GetRequiredService<ApiKeyService>()
            .CreateAsync(TestPrincipals.WithRole(AppRoles.Admin), "quiet app", ApiKeyScopes.Ingest);
        var noisy = app.CreateApiClient();
        var quiet = app.CreateApiClient(other.Plaintext);

        var flood = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++)
        {
            flood.Add(await noisy.PostFeedbackAsync("Flood", "positive"));
        }
        var quietResponse = await quiet.PostFeedbackAsync("Quiet", "positive");

        var limited = flood.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, r => Assert.True(int.Parse(r.Headers.GetValues("Retry-After").Single()) >= 1));
        Assert.Equal("application/problem+json", limited[0].Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Accepted, quietResponse.StatusCode);
    }

    [Fact]
    public async Task ReadEndpoints_AreNotLimited()
    {
        var client = app.CreateApiClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAsync("/api/v1/insights")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }
}
