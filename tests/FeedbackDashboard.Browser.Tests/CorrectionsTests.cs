using System.Net.Http.Json;
using FeedbackDashboard.Features.Access;
using Microsoft.Playwright;

namespace FeedbackDashboard.Browser.Tests;

public class CorrectionsTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private static readonly DemoAccounts.Account Reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);

    private async Task PostCorrectionAsync(string source, string query, string text, string kind)
    {
        using var api = app.CreateApiClient();
        var id = $"browser-{Guid.NewGuid():N}";
        (await api.PostAsJsonAsync("/api/v1/feedback", new
        {
            interactionId = id, type = "correction", value = text, correctionKind = kind,
            interaction = new { id, query, response = "An outdated answer.", source },
        })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Reviewer_ApprovesAndAppliesACorrection_ThenPublishesTheInstructionsDraft()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var source = $"browser-bot-{marker}";
        await PostCorrectionAsync(source, $"What is the rate limit {marker}?", $"It is 1,000 a minute on Business ({marker}).", "knowledge");
        await PostCorrectionAsync(source, $"Write a follow-up {marker}", $"Keep follow-ups under 120 words ({marker}).", "behavior");
        var page = await app.NewPageAsync();
        var errors = page.CollectErrors();
        await page.SignInAsync(Reviewer.Email, Reviewer.Password);

        await page.GotoAsync("/corrections");
        await page.WaitForCircuitAsync();
        var knowledgeRow = page.Locator("tr.mud-table-row", new() { HasText = $"1,000 a minute on Business ({marker})" });
        await knowledgeRow.ClickAsync();
        var detail = page.GetByTestId("correction-detail");
        await page.InputByTestId("correction-text").FillAsync($"1,000 requests a minute on the Business plan ({marker}).");
        await detail.GetByTestId("approve").ClickAsync();
        await detail.GetByTestId("apply").ClickAsync();
        await Assertions.Expect(detail).ToContainTextAsync("knowledge entry #");
        await page.ScreenshotStepAsync(nameof(Reviewer_ApprovesAndAppliesACorrection_ThenPublishesTheInstructionsDraft), 1, "applied");

        await detail.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        var behaviorRow = page.Locator("tr.mud-table-row", new() { HasText = $"under 120 words ({marker})" });
        await behaviorRow.ClickAsync();
        await detail.GetByTestId("approve").ClickAsync();
        await detail.GetByTestId("apply").ClickAsync();
        await Assertions.Expect(detail).ToContainTextAsync("the instructions' draft");

        await page.GotoAsync($"/instructions?source={source}");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("diff")).ToContainTextAsync($"- Keep follow-ups under 120 words ({marker}).");
        await page.ScreenshotStepAsync(nameof(Reviewer_ApprovesAndAppliesACorrection_ThenPublishesTheInstructionsDraft), 2, "draft");
        await page.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync($"under 120 words ({marker})");
        await page.GetByTestId("publish-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("published-text")).ToContainTextAsync($"under 120 words ({marker})");

        using var api = app.CreateApiClient();
        var current = await api.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/instructions/{source}/current");
        Assert.Equal(1, (int)current!["version"]!);
        var knowledge = await api.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/knowledge?source={source}");
        Assert.Contains(knowledge!["items"]!.AsArray(), e => ((string)e!["content"]!).Contains($"Business plan ({marker})"));
        Assert.Empty(errors);
    }
}
