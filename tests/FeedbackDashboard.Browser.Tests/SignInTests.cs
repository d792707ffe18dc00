using System.Net.Http.Json;
using FeedbackDashboard.Features.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FeedbackDashboard.Browser.Tests;

public class SignInTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task ProductManager_SignsIn_SeesTheOverviewAndOnlyTheirLinks()
    {
        var pm = DemoAccounts.All.Single(a => a.Role == AppRoles.ProductManager);
        var page = await app.NewPageAsync();
        var errors = page.CollectErrors();

        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/Account/Login**");
        await page.ScreenshotStepAsync(nameof(ProductManager_SignsIn_SeesTheOverviewAndOnlyTheirLinks), 1, "sign-in");
        await page.SignInAsync(pm.Email, pm.Password);
        await page.WaitForCircuitAsync();
        await page.ScreenshotStepAsync(nameof(ProductManager_SignsIn_SeesTheOverviewAndOnlyTheirLinks), 2, "overview");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        var nav = page.Locator(".mud-navmenu");
        await Assertions.Expect(nav.GetByText("Live feed")).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByText("Issues")).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByText("Review queue")).ToHaveCountAsync(0);
        await Assertions.Expect(nav.GetByText("Admin")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(pm.Email);
        Assert.Empty(errors);
    }

    /// <summary>An admin acts elsewhere while the reviewer's page stays open: the open page follows at once.</summary>
    [Fact]
    public async Task AnOpenReviewPage_ShowsTheNewRoleWhenDemoted_AndGoesToSignInWhenDisabled()
    {
        var account = new DemoAccounts.Account($"open-page-{Guid.NewGuid():N}@demo.local", "Open-Page-2026", AppRoles.Reviewer);
        var admin = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, "browser-admin@demo.local"), new(System.Security.Claims.ClaimTypes.Role, AppRoles.Admin)], "test"));
        async Task<AdminResult> AdministerAsync(Func<UserAdministration, Task<AdminResult>> act)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await act(scope.ServiceProvider.GetRequiredService<UserAdministration>());
        }
        Assert.True((await AdministerAsync(u => u.CreateAsync(admin, account.Email, account.Password, account.Role))).Succeeded);
        string id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<UserAdministration>().ListAsync(admin)).Single(x => x.Email == account.Email).Id;
        }

        var page = await app.NewPageAsync();
        await page.SignInAsync(account.Email, account.Password);
        await page.GotoAsync("/review");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByText("Review queue").First).ToBeVisibleAsync();

        Assert.True((await AdministerAsync(u => u.SetRoleAsync(admin, id, AppRoles.ProductManager))).Succeeded);
        // At once on this instance; the margin is for a 2-core machine running the other suites beside this one.
        await Assertions.Expect(page.GetByText("Your role does not include this page")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator(".mud-navmenu").GetByText("Review queue")).ToHaveCountAsync(0);

        await page.GotoAsync("/");
        await page.WaitForCircuitAsync();
        Assert.True((await AdministerAsync(u => u.SetDisabledAsync(admin, id, true))).Succeeded);
        // Commit, not load: the sign-in page's assets may be slow to load beside the other suites; the redirect is what counts.
        await page.WaitForURLAsync("**/Account/Login**", new() { Timeout = 30_000, WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("input[name='Input.Email']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotStepAsync(nameof(AnOpenReviewPage_ShowsTheNewRoleWhenDemoted_AndGoesToSignInWhenDisabled), 1, "signed-out");
    }

    [Fact]
    public async Task Admin_UsesTheInteractiveAdminPage_UnderTheContentSecurityPolicy()
    {
        var admin = DemoAccounts.All.Single(a => a.Role == AppRoles.Admin);
        var page = await app.NewPageAsync();
        var errors = page.CollectErrors();
        await page.SignInAsync(admin.Email, admin.Password);

        await page.GotoAsync("/admin");
        await page.WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "API keys" }).ClickAsync();
        await page.InputByTestId("new-key-name").FillAsync("browser-created");
        await page.GetByTestId("create-key").ClickAsync();

        var created = page.InputByTestId("created-key");
        await Assertions.Expect(created).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^fdk_"));
        await page.ScreenshotStepAsync(nameof(Admin_UsesTheInteractiveAdminPage_UnderTheContentSecurityPolicy), 1, "key-created");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Pipeline" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-kpi='Behind by']")).ToBeVisibleAsync();
        using var api = app.CreateApiClient();
        foreach (var query in new[] { "How do I export my data?", "export my data", "When do you open?", "what time do you open", "Can I get a refund?" })
        {
            var id = $"pipeline-{Guid.NewGuid():N}";
            (await api.PostAsJsonAsync("/api/v1/feedback", new { interactionId = id, type = "positive", interaction = new { id, query, source = "browser-test" } }))
                .EnsureSuccessStatusCode();
            await Task.Delay(400); // apart, so that they make several batches
        }
        // The panel refreshes every 2 s: the batches that processed these items appear in the chart.
        var markers = page.Locator("[data-testid='pipeline-lag'] .apexcharts-series-markers circle, [data-testid='pipeline-lag'] .apexcharts-marker");
        await Assertions.Expect(markers.Nth(3)).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await page.WaitForTimeoutAsync(500); // the chart's animation, for the screenshot
        await page.ScreenshotStepAsync(nameof(Admin_UsesTheInteractiveAdminPage_UnderTheContentSecurityPolicy), 2, "pipeline");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task SignOut_ReturnsToTheSignInPage()
    {
        var reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);
        var page = await app.NewPageAsync();
        await page.SignInAsync(reviewer.Email, reviewer.Password);
        await page.WaitForCircuitAsync();

        await page.GetByLabel("Sign out").ClickAsync();
        await page.GotoAsync("/review");

        await page.WaitForURLAsync("**/Account/Login**");
    }
}
