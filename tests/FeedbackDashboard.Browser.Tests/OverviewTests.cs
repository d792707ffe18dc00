using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FeedbackDashboard.Features.Access;
using Microsoft.Playwright;

namespace FeedbackDashboard.Browser.Tests;

public class OverviewTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private async Task PostAsync(HttpClient api, string type, object? value = null)
    {
        var id = $"overview-{Guid.NewGuid():N}";
        var response = await api.PostAsJsonAsync("/api/v1/feedback", new
        {
            interactionId = id,
            type,
            value,
            comment = type == "negative" ? "Not what I asked" : null,
            interaction = new { id, query = "What are your opening hours?", source = "browser-overview" },
        });
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task ProductManager_SeesChartsDrawEmptyThenLive_AndTheFiguresMatchTheApi()
    {
        const string test = nameof(ProductManager_SeesChartsDrawEmptyThenLive_AndTheFiguresMatchTheApi);
        var pm = DemoAccounts.All.Single(a => a.Role == AppRoles.ProductManager);
        var page = await app.NewPageAsync();
        var errors = page.CollectErrors();
        await page.SignInAsync(pm.Email, pm.Password);
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("live-state")).ToContainTextAsync("live");

        // Empty: every chart still draws, saying so inside itself.
        foreach (var chart in new[] { "chart-trend", "chart-issues", "chart-ratings" })
        {
            await Assertions.Expect(page.Locator($"[data-testid={chart}] svg.apexcharts-svg")).ToHaveCountAsync(1);
        }
        await Assertions.Expect(page.GetByTestId("chart-trend")).ToContainTextAsync("No feedback in this window yet");
        await page.ScreenshotStepAsync(test, 1, "empty");

        using var api = app.CreateApiClient();
        await PostAsync(api, "positive");
        await PostAsync(api, "positive");
        await PostAsync(api, "negative");
        await PostAsync(api, "rating", 5);
        await PostAsync(api, "rating", 2);

        var insights = JsonNode.Parse(await api.GetStringAsync("/api/v1/insights?days=30"))!;
        var total = (int)insights["totalFeedback"]!;
        var positiveRate = $"{Math.Round((double)insights["positiveRate"]! * 100).ToString(CultureInfo.InvariantCulture)}%";
        await Assertions.Expect(page.Locator("[data-kpi=Feedback]")).ToHaveTextAsync(total.ToString("N0", CultureInfo.InvariantCulture), new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("[data-kpi='Positive rate']")).ToHaveTextAsync(positiveRate);
        await Assertions.Expect(page.Locator("[data-kpi='Open review tasks']")).ToHaveTextAsync(((int)insights["openReviewTasks"]!).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(5, total);

        // The charts drew their data: series paths exist in the SVG.
        await Assertions.Expect(page.Locator("[data-testid=chart-trend] .apexcharts-series path").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[data-testid=chart-ratings] .apexcharts-series path").First).ToBeAttachedAsync();
        // Common issues come from the background clustering, which this fixture does not run: that chart keeps its empty state.
        await Assertions.Expect(page.Locator("[data-testid=chart-issues] svg.apexcharts-svg")).ToHaveCountAsync(1);
        await page.ScreenshotStepAsync(test, 2, "live");
        Assert.Empty(errors);
    }
}
