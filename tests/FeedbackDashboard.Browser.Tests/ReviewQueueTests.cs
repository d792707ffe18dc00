using System.Net.Http.Json;
using FeedbackDashboard.Features.Access;
using Microsoft.Playwright;

namespace FeedbackDashboard.Browser.Tests;

public class ReviewQueueTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private async Task PostNegativesAsync(string query, int count)
    {
        using var api = app.CreateApiClient();
        for (var i = 0; i < count; i++)
        {
            var id = $"browser-{Guid.NewGuid():N}";
            var response = await api.PostAsJsonAsync("/api/v1/feedback", new
            {
                interactionId = id,
                type = "negative",
                comment = "The answer was wrong",
                interaction = new { id, query, response = "An outdated answer.", source = "browser-test" },
            });
            response.EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Reviewer_SeesAPushedTaskWithoutReload_ClaimsIt_AndResolvesIt()
    {
        const string test = nameof(Reviewer_SeesAPushedTaskWithoutReload_ClaimsIt_AndResolvesIt);
        var reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);
        var page = await app.NewPageAsync();
        var errors = page.CollectErrors();
        await page.SignInAsync(reviewer.Email, reviewer.Password);
        var sockets = new List<string>();
        page.WebSocket += (_, socket) => { lock (sockets) { sockets.Add(new Uri(socket.Url).AbsolutePath); } };
        await page.GotoAsync("/review");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("live-state")).ToContainTextAsync("live");
        await page.ScreenshotStepAsync(test, 1, "queue");

        var query = $"How do I export invoices {Guid.NewGuid():N}?";
        await PostNegativesAsync(query, 5);

        var row = page.Locator("tr.mud-table-row", new() { HasText = query });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("fd-row-new"));
        await page.ScreenshotStepAsync(test, 2, "task-pushed");
        // The push came through the circuit's own connection: the page holds no hub connection of its own.
        lock (sockets)
        {
            Assert.NotEmpty(sockets);
            Assert.All(sockets, path => Assert.Equal("/_blazor", path));
        }

        await row.Locator("td").Nth(2).ClickAsync();
        var detail = page.GetByTestId("task-detail");
        await Assertions.Expect(detail).ToContainTextAsync(query);
        await page.GetByTestId("claim").ClickAsync();
        await Assertions.Expect(detail).ToContainTextAsync(reviewer.Email);
        await Assertions.Expect(detail.Locator(".mud-chip", new() { HasText = "in review" })).ToBeVisibleAsync();
        await page.ScreenshotStepAsync(test, 3, "claimed");

        await page.GetByTestId("resolve").ClickAsync();
        await page.InputByTestId("note-text").FillAsync("Documented the new export screen in the knowledge base.");
        await page.GetByTestId("note-confirm").ClickAsync();
        await Assertions.Expect(detail.Locator(".mud-chip", new() { HasText = "resolved" })).ToBeVisibleAsync();
        await Assertions.Expect(detail).ToContainTextAsync("Documented the new export screen");
        await page.ScreenshotStepAsync(test, 4, "resolved");

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(row.Locator(".mud-chip", new() { HasText = "resolved" })).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Keyboard_JMovesToATask_CClaimsIt()
    {
        var reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);
        var query = $"Keyboard pattern {Guid.NewGuid():N}?";
        await PostNegativesAsync(query, 5);
        var page = await app.NewPageAsync();
        await page.SignInAsync(reviewer.Email, reviewer.Password);
        await page.GotoAsync("/review");
        await page.WaitForCircuitAsync();
        await page.InputByTestId("queue-search").FillAsync(query);
        var row = page.Locator("tr.mud-table-row", new() { HasText = query });
        await Assertions.Expect(page.Locator("tbody tr.mud-table-row")).ToHaveCountAsync(1);
        await page.Locator("h4").ClickAsync(); // leave the search box, so keys go to the queue

        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("fd-row-focused"));
        await page.Keyboard.PressAsync("c");

        await Assertions.Expect(row).ToContainTextAsync(reviewer.Email);
        await Assertions.Expect(row).ToContainTextAsync("in review");
    }

    [Fact]
    public async Task ProductManager_SeesFeedbackArriveInTheLiveFeed()
    {
        var pm = DemoAccounts.All.Single(a => a.Role == AppRoles.ProductManager);
        var page = await app.NewPageAsync();
        var errors = page.CollectErrors();
        await page.SignInAsync(pm.Email, pm.Password);
        await page.GotoAsync("/live");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("live-state")).ToContainTextAsync("live");

        var query = $"Live feed question {Guid.NewGuid():N}?";
        await PostNegativesAsync(query, 1);

        await Assertions.Expect(page.Locator("tr.mud-table-row", new() { HasText = query })).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await page.ScreenshotStepAsync(nameof(ProductManager_SeesFeedbackArriveInTheLiveFeed), 1, "arrived");
        Assert.Empty(errors);
    }
}
