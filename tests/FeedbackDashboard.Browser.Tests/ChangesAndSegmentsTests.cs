using System.Net.Http.Json;
using System.Security.Claims;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FeedbackDashboard.Browser.Tests;

/// <summary>The Overview's evidence: a published change marked on the trend chart and listed with its verdict, and a metadata key's values side by side.</summary>
public class ChangesAndSegmentsTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task ProductManager_SeesAPublishedChangeOnTheChart_AndComparesPromptVersions()
    {
        const string test = nameof(ProductManager_SeesAPublishedChangeOnTheChart_AndComparesPromptVersions);
        var source = "browser-changes";
        using (var api = app.CreateApiClient())
        {
            foreach (var (version, type) in new[] { ("v41", "positive"), ("v41", "positive"), ("v41", "negative"), ("v42", "negative"), ("v42", "negative") })
            {
                var id = $"segments-{Guid.NewGuid():N}";
                var response = await api.PostAsJsonAsync("/api/v1/feedback", new
                {
                    interactionId = id, type,
                    interaction = new { id, query = "How do I reset my password?", source, metadata = new Dictionary<string, string> { ["promptVersion"] = version } },
                });
                response.EnsureSuccessStatusCode();
            }
        }
        var reviewer = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "reviewer@demo.local"), new Claim(ClaimTypes.Role, AppRoles.Reviewer)], "test"));
        var instructions = app.Services.GetRequiredService<Instructions>();
        var draft = (await instructions.EditDraftAsync(reviewer, source, "Answer in two sentences; link the reset page.")).ValueOrDefault!;
        Assert.NotNull(await instructions.PublishAsync(reviewer, source, draft.Version));

        var pm = DemoAccounts.All.Single(a => a.Role == AppRoles.ProductManager);
        var page = await app.NewPageAsync();
        var errors = page.CollectErrors();
        await page.SignInAsync(pm.Email, pm.Password);
        await page.GotoAsync($"/?source={source}");
        await page.WaitForCircuitAsync();

        // The change: a dashed line on the trend chart, labelled with its kind and verdict, and a row in the list.
        await Assertions.Expect(page.Locator("[data-testid=chart-trend] .apexcharts-xaxis-annotations text")).ToContainTextAsync("Instructions: collecting");
        var row = page.GetByTestId("changes").Locator("tr").Filter(new() { HasText = $"Instructions for {source}: version {draft.Version}" });
        await Assertions.Expect(row.Locator("[data-verdict=collecting]")).ToBeVisibleAsync();

        // The segments: choose promptVersion and see one line a version.
        await page.GetByTestId("segment-key").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "promptVersion" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-segment-value=v41]")).ToContainTextAsync("67% of 3");
        await Assertions.Expect(page.Locator("[data-segment-value=v42]")).ToContainTextAsync("0% of 2");
        await Assertions.Expect(page.Locator("[data-testid=chart-segments] .apexcharts-legend-text")).ToHaveTextAsync(["v41", "v42"]);
        await Assertions.Expect(page.Locator("[data-testid=chart-segments] .apexcharts-series path").First).ToBeAttachedAsync();
        await page.ScreenshotStepAsync(test, 1, "change-and-segments");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AMetadataValueWithMarkup_IsShownAsText_InTheLegendAndTheTooltip()
    {
        const string value = "<b id=\"injected\">v43</b>";
        const string source = "browser-injection";
        using (var api = app.CreateApiClient())
        {
            // Two values: ApexCharts draws no legend for a single series.
            foreach (var version in new[] { value, value, "v41" })
            {
                var id = $"injection-{Guid.NewGuid():N}";
                var response = await api.PostAsJsonAsync("/api/v1/feedback", new
                {
                    interactionId = id, type = "positive",
                    interaction = new { id, query = "Is markup shown as text?", source, metadata = new Dictionary<string, string> { ["promptVersion"] = version } },
                });
                response.EnsureSuccessStatusCode();
            }
        }
        var pm = DemoAccounts.All.Single(a => a.Role == AppRoles.ProductManager);
        var page = await app.NewPageAsync();
        var errors = page.CollectErrors();
        await page.SignInAsync(pm.Email, pm.Password);
        await page.GotoAsync($"/?source={source}");
        await page.WaitForCircuitAsync();

        await page.GetByTestId("segment-key").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "promptVersion" }).ClickAsync();
        var legend = page.Locator("[data-testid=chart-segments] .apexcharts-legend-text");
        await Assertions.Expect(legend).ToHaveTextAsync([value, "v41"]);
        await page.Locator("[data-testid=chart-segments] .apexcharts-series path").First.HoverAsync(new() { Force = true });

        Assert.Equal(0, await page.Locator("#injected").CountAsync());
        Assert.Empty(errors);
    }
}
