using System.Net.Http.Json;
using FeedbackDashboard.Features.Access;
using Microsoft.Playwright;

namespace FeedbackDashboard.Browser.Tests;

/// <summary>From the live feed to an interaction's page: what the application sent, with its metadata; and back to the feed filtered by a metadata value.</summary>
public class InteractionPageTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task ALiveFeedQuery_OpensItsInteraction_WithTheMetadataTheApplicationSent()
    {
        const string test = nameof(ALiveFeedQuery_OpensItsInteraction_WithTheMetadataTheApplicationSent);
        var pm = DemoAccounts.All.Single(a => a.Role == AppRoles.ProductManager);
        var id = $"browser-{Guid.NewGuid():N}";
        var query = $"Can I export invoices as PDF {Guid.NewGuid():N}?";
        var otherQuery = $"Can I export invoices as CSV {Guid.NewGuid():N}?";
        using (var api = app.CreateApiClient())
        {
            var response = await api.PostAsJsonAsync("/api/v1/feedback", new
            {
                interactionId = id, type = "negative", comment = "It said no, but you can",
                interaction = new
                {
                    id, query, response = "No, only CSV.", source = "browser-interactions",
                    metadata = new Dictionary<string, string> { ["model"] = "gpt-test", ["promptVersion"] = "v42" },
                },
            });
            response.EnsureSuccessStatusCode();
            var otherId = $"browser-{Guid.NewGuid():N}";
            response = await api.PostAsJsonAsync("/api/v1/feedback", new
            {
                interactionId = otherId, type = "positive",
                interaction = new
                {
                    id = otherId, query = otherQuery, source = "browser-interactions",
                    metadata = new Dictionary<string, string> { ["model"] = "gpt-test", ["promptVersion"] = "v41" },
                },
            });
            response.EnsureSuccessStatusCode();
        }
        var page = await app.NewPageAsync();
        var errors = page.CollectErrors();
        await page.SignInAsync(pm.Email, pm.Password);

        await page.GotoAsync("/live");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("interaction-link").Filter(new() { HasText = query }).ClickAsync();

        await page.WaitForURLAsync($"**/interactions/{id}");
        await Assertions.Expect(page.GetByTestId("interaction-query")).ToHaveTextAsync(query);
        await Assertions.Expect(page.GetByTestId("interaction-response")).ToHaveTextAsync("No, only CSV.");
        await Assertions.Expect(page.GetByTestId("interaction-metadata")).ToContainTextAsync("promptVersion");
        await Assertions.Expect(page.GetByTestId("interaction-metadata")).ToContainTextAsync("v42");
        await Assertions.Expect(page.GetByText("It said no, but you can")).ToBeVisibleAsync();
        await page.ScreenshotStepAsync(test, 1, "interaction");

        // Its promptVersion opens the live feed with only that version's feedback, the filter in the address and the field.
        await page.GetByTestId("interaction-metadata").GetByRole(AriaRole.Link, new() { Name = "v42" }).ClickAsync();
        await page.WaitForURLAsync("**/live?metadata.promptVersion=v42");
        await Assertions.Expect(page.GetByTestId("interaction-link").Filter(new() { HasText = query })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("filter-metadata")).ToHaveValueAsync("promptVersion=v42");
        await Assertions.Expect(page.GetByText(otherQuery)).ToHaveCountAsync(0);

        // Typing another filter narrows it in place.
        await page.GetByTestId("filter-metadata").FillAsync("promptVersion=v41, model=gpt-test");
        await page.GetByTestId("filter-metadata").PressAsync("Enter");
        await page.WaitForURLAsync("**/live?metadata.model=gpt-test&metadata.promptVersion=v41");
        await Assertions.Expect(page.GetByText(otherQuery)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(query)).ToHaveCountAsync(0);
        await page.ScreenshotStepAsync(test, 2, "live-feed-by-metadata");
        Assert.Empty(errors);
    }
}
