using System.Net.Http.Json;
using Microsoft.Playwright;
using FeedbackDashboard.Features.Access;

namespace FeedbackDashboard.Browser.Tests;

/// <summary>The Issues page grows live; dark mode is remembered; the API reference loads clean offline.</summary>
public class IssuesAndPreferencesTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private static readonly DemoAccounts.Account Pm = DemoAccounts.All.Single(a => a.Role == AppRoles.ProductManager);

    private async Task PostComplaintAsync(HttpClient api, string source, string comment)
    {
        var id = $"browser-{Guid.NewGuid():N}";
        var response = await api.PostAsJsonAsync("/api/v1/feedback", new
        {
            interactionId = id, type = "negative", comment,
            interaction = new { id, query = $"Where is my order {Guid.NewGuid():N}?", response = "It shipped.", source },
        });
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task ANewComplaint_RaisesItsIssuesFrequency_OnTheOpenPage_WithoutReload()
    {
        const string test = nameof(ANewComplaint_RaisesItsIssuesFrequency_OnTheOpenPage_WithoutReload);
        var source = $"browser-issues-{Guid.NewGuid():N}"[..24];
        using var api = app.CreateApiClient();
        for (var i = 0; i < 10; i++)
        {
            await PostComplaintAsync(api, source, "The tracking link in the answer leads to a 404 page");
        }
        await Task.Delay(1000); // the pipeline embeds the comments before a run reads them
        var run = await api.PostAsync($"/api/v1/issues/recompute?wait=true&source={source}", null);
        run.EnsureSuccessStatusCode();
        var issueId = (long)System.Text.Json.Nodes.JsonNode.Parse(await run.Content.ReadAsStringAsync())!["items"]![0]!["id"]!;

        var page = await app.NewPageAsync();
        var errors = page.CollectErrors();
        await page.SignInAsync(Pm.Email, Pm.Password);
        await page.GotoAsync($"/issues?source={source}");
        await page.WaitForCircuitAsync();
        var frequency = page.Locator($"[data-testid=issue-frequency][data-issue='{issueId}']");
        await Assertions.Expect(frequency).ToHaveTextAsync("10");
        await page.ScreenshotStepAsync(test, 1, "before");

        await PostComplaintAsync(api, source, "the tracking link in the answer leads to a 404 page!");

        await Assertions.Expect(frequency).ToHaveTextAsync("11", new() { Timeout = 5_000 });
        await page.ScreenshotStepAsync(test, 2, "joined");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task DarkMode_FollowsTheSystemUntilChosen_ThenIsRememberedAcrossReloads()
    {
        var page = await app.NewPageAsync(colorScheme: ColorScheme.Dark);
        await page.SignInAsync(Pm.Email, Pm.Password);
        await page.GotoAsync("/");
        await page.WaitForCircuitAsync();
        var toggle = page.GetByTestId("dark-mode");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("data-dark", "true");

        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("data-dark", "false");
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("dark-mode")).ToHaveAttributeAsync("data-dark", "false");
    }

    [Fact]
    public async Task ApiReference_LoadsWithoutErrors_FromThisOriginOnly()
    {
        var page = await app.NewPageAsync();
        var errors = page.CollectErrors();
        var foreign = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        };

        await page.GotoAsync("/scalar");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotStepAsync(nameof(ApiReference_LoadsWithoutErrors_FromThisOriginOnly), 1, "scalar");
        await Assertions.Expect(page.GetByText("/api/v1/insights").First).ToBeVisibleAsync(new() { Timeout = 15_000 });

        Assert.Empty(errors);
        Assert.Empty(foreign);
        Assert.True(await page.EvaluateAsync<bool>("document.fonts.check(\"16px Inter\")"), "Inter is loaded from this app");
    }
}
