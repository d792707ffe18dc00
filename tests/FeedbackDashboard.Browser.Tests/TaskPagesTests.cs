using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FeedbackDashboard.Features.Access;
using Microsoft.Playwright;

namespace FeedbackDashboard.Browser.Tests;

/// <summary>The queue, the corrections and a task's own page, at a narrow width and for each role.</summary>
public class TaskPagesTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private static readonly DemoAccounts.Account Reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);
    private static readonly DemoAccounts.Account Pm = DemoAccounts.All.Single(a => a.Role == AppRoles.ProductManager);

    /// <summary>Five negatives and a correction on one long question: a task, and a correction waiting for it.</summary>
    private async Task<(string Query, long TaskId)> RaiseTaskAsync()
    {
        using var api = app.CreateApiClient();
        var query = $"How do I move my whole organisation's billing to annual invoicing with a purchase order {Guid.NewGuid():N}?";
        foreach (var (type, value) in new (string, string?)[] { ("negative", null), ("negative", null), ("correction", "Annual invoicing is under Billing, then Plan, then Invoice me yearly."), ("negative", null), ("negative", null), ("negative", null) })
        {
            var id = $"browser-{Guid.NewGuid():N}";
            var response = await api.PostAsJsonAsync("/api/v1/feedback", new
            {
                interactionId = id, type, value, correctionKind = value is null ? null : "knowledge",
                comment = type == "negative" ? "Nothing about purchase orders" : null,
                interaction = new { id, query, response = "Contact sales.", source = "browser-narrow", pattern = query },
            });
            response.EnsureSuccessStatusCode();
        }
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var tasks = await api.GetFromJsonAsync<JsonObject>($"/api/v1/review-tasks?search={Uri.EscapeDataString(query[..40])}");
            if (tasks!["items"]!.AsArray().FirstOrDefault(t => (string)t!["representativeQuery"]! == query) is { } task)
            {
                return (query, (long)task["id"]!);
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("No task was raised.");
    }

    private static async Task<double> WidthAsync(ILocator element) => (await element.BoundingBoxAsync())!.Width;

    [Fact]
    public async Task At800Pixels_TheQueueAndTheCorrections_KeepTheirTextReadable()
    {
        const string test = nameof(At800Pixels_TheQueueAndTheCorrections_KeepTheirTextReadable);
        var (query, taskId) = await RaiseTaskAsync();
        var page = await app.NewPageAsync(width: 800);
        var errors = page.CollectErrors();
        await page.SignInAsync(Reviewer.Email, Reviewer.Password);

        await page.GotoAsync("/review");
        await page.WaitForCircuitAsync();
        var row = page.Locator("tr.mud-table-row", new() { HasText = query });
        await Assertions.Expect(row).ToBeVisibleAsync();
        Assert.True(await WidthAsync(row.GetByTestId("pattern-cell")) >= 120, $"pattern cell {await WidthAsync(row.GetByTestId("pattern-cell"))} px wide");
        await page.ScreenshotStepAsync(test, 1, "queue");

        await page.GotoAsync($"/corrections?task={taskId}");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("task-filter")).ToContainTextAsync($"#{taskId}");
        var correction = page.GetByTestId("correction-row");
        await Assertions.Expect(correction).ToHaveCountAsync(1);
        Assert.True(await WidthAsync(correction) >= 120, $"correction cell {await WidthAsync(correction)} px wide");
        await page.ScreenshotStepAsync(test, 2, "corrections");
        Assert.True(errors.Count == 0, string.Join("\n", errors.Concat(app.ServerErrors.Errors)));
    }

    [Fact]
    public async Task ProductManager_OpensATaskFromTheOverview_AndReadsItWithoutActions()
    {
        const string test = nameof(ProductManager_OpensATaskFromTheOverview_AndReadsItWithoutActions);
        var (query, taskId) = await RaiseTaskAsync();
        var page = await app.NewPageAsync();
        var errors = page.CollectErrors();
        await page.SignInAsync(Pm.Email, Pm.Password);

        await page.GotoAsync("/?source=browser-narrow");
        await page.WaitForCircuitAsync();
        var link = page.Locator($"a[href='/tasks/{taskId}']").First;
        await Assertions.Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();

        await page.WaitForURLAsync($"**/tasks/{taskId}");
        await Assertions.Expect(page.GetByTestId("task-detail")).ToContainTextAsync(query);
        await Assertions.Expect(page.GetByText("Your role does not include this page")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("claim")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("resolve")).ToHaveCountAsync(0);
        await page.ScreenshotStepAsync(test, 1, "task-page");

        // A reviewer on the same page has the actions, and a link to the task's pending corrections.
        var reviewerPage = await app.NewPageAsync();
        await reviewerPage.SignInAsync(Reviewer.Email, Reviewer.Password);
        await reviewerPage.GotoAsync($"/tasks/{taskId}");
        await reviewerPage.WaitForCircuitAsync();
        await Assertions.Expect(reviewerPage.GetByTestId("claim")).ToBeVisibleAsync();
        await Assertions.Expect(reviewerPage.Locator($"a[href='/corrections?task={taskId}']")).ToBeVisibleAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Concat(app.ServerErrors.Errors)));
    }
}
