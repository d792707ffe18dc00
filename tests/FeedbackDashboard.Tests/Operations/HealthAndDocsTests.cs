using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Operations;

public class HealthAndDocsTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private readonly HttpClient _client = app.CreateApiClient(apiKey: null); // anonymous

    [Fact]
    public async Task Live_IsHealthy()
    {
        var response = await _client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_ReportsEachCheck()
    {
        var response = await _client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal("Healthy", (string)report["status"]!);
        Assert.Equal("Healthy", (string)report["checks"]!["database"]!["status"]!);
        Assert.Equal("Healthy", (string)report["checks"]!["pipeline"]!["status"]!);
        Assert.Null(report["checks"]!["redis"]); // only when ConnectionStrings:Redis is set
    }

    [Fact]
    public void TheProduct_MapsNoBenchmarkEndpoint()
    {
        // bench/ hosts the same app and maps /bench/bare and /bench/heap itself (BenchHost).
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText ?? "").ToList();

        Assert.Contains(routes, r => r.StartsWith("/api/v1/feedback", StringComparison.Ordinal));
        Assert.DoesNotContain(routes, r => r.StartsWith("/bench", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task UnknownApiRoute_Anonymous_Is401NotARedirect()
    {
        var response = await _client.GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var paths = document["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/v1/feedback"));
        Assert.True(paths.ContainsKey("/api/v1/feedback/batch"));
        Assert.True(paths.ContainsKey("/api/v1/interactions"));
        Assert.True(paths.ContainsKey("/api/v1/review-tasks"));
        Assert.True(paths.ContainsKey("/api/v1/insights"));
    }

    [Fact]
    public async Task ScalarReference_IsServed()
    {
        var response = await _client.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task UnknownApiRoute_Is404WithoutTheHtmlPage()
    {
        var response = await app.CreateApiClient().GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("text/html", response.Content.Headers.ContentType?.ToString() ?? "");
    }

    [Theory]
    [InlineData("/", "Overview")]
    [InlineData("/review", "Review queue")]
    [InlineData("/live", "Live feed")]
    [InlineData("/issues", "Issues")]
    [InlineData("/corrections", "Corrections")]
    [InlineData("/admin", "Admin")]
    public async Task Pages_RenderWithTheirNavigation(string url, string title)
    {
        var admin = await app.CreateSignedInClientAsync(Features.Access.DemoAccounts.All[0]);

        var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<title>{title} · FeedbackDashboard</title>", html);
        foreach (var link in new[] { "Overview", "Live feed", "Review queue", "Issues", "Corrections", "Admin" })
        {
            Assert.Contains(link, html);
        }
    }
}
