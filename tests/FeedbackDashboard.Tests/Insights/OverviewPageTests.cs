using Bunit;
using FeedbackDashboard.Components.Pages.Insights;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Insights;

/// <summary>The Overview's main states, rendered over the real app's data.</summary>
public class OverviewPageTests(FeedbackAppFactory app) : PageTestContext(app), IClassFixture<FeedbackAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private IRenderedComponent<OverviewPage> RenderFor(string source)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/?source={Uri.EscapeDataString(source)}");
        return Render<OverviewPage>();
    }

    private static string Kpi(IRenderedComponent<OverviewPage> page, string title) =>
        page.FindAll(".mud-paper").First(p => p.TextContent.Contains(title, StringComparison.Ordinal)).TextContent;

    [Fact]
    public void ASourceWithNoFeedback_ShowsZeroesAndSaysThereIsNothingNegative()
    {
        SignInAs(AppRoles.ProductManager);

        var page = RenderFor("nobody-" + Guid.NewGuid().ToString("N"));

        page.WaitForAssertion(() => Assert.Contains("No negative feedback in this window.", page.Find("[data-testid=issues-caption]").TextContent), Patience);
        Assert.Contains("0", Kpi(page, "Feedback"));
        Assert.Contains("no thumbs in this window", page.Markup);
    }

    [Fact]
    public async Task ASourceWithFeedback_ShowsItsCountsRateAndTheOpportunityItRaised()
    {
        var source = "overview-" + Guid.NewGuid().ToString("N")[..8];
        var query = ApiClientExtensions.Unique("How do I close my account?");
        for (var i = 0; i < 5; i++)
        {
            await Api.PostFeedbackAsync(query, "negative", comment: "Wrong", source: source);
        }
        await Api.PostFeedbackAsync(ApiClientExtensions.Unique("Opening hours?"), "positive", source: source);
        SignInAs(AppRoles.ProductManager);

        var page = RenderFor(source);

        page.WaitForAssertion(() =>
        {
            Assert.Contains("6", Kpi(page, "Feedback"));
            Assert.Contains("17%", Kpi(page, "Positive rate")); // 1 of 6
            Assert.Contains("1", Kpi(page, "Open review tasks"));
            Assert.Contains(query, page.Find("[data-testid=opportunities]").TextContent);
            Assert.Contains("5 negative items", page.Find("[data-testid=issues-caption]").TextContent);
        }, Patience);
    }

    [Fact]
    public async Task TheSegmentCard_ComparesTheValuesOfTheChosenKey()
    {
        var source = "segments-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var (version, type) in new[] { ("v41", "positive"), ("v41", "positive"), ("v42", "negative") })
        {
            var id = "i-" + Guid.NewGuid().ToString("N");
            var response = await Api.PostAsJsonAsync("/api/v1/feedback", new
            {
                interactionId = id, type,
                interaction = new { id, query = "Which plan?", response = "Basic.", source, metadata = new Dictionary<string, string> { ["promptVersion"] = version } },
            });
            response.EnsureSuccessStatusCode();
        }
        SignInAs(AppRoles.ProductManager);

        var page = RenderFor(source);

        // The first key is "model", which these items do not carry; choosing promptVersion shows both versions.
        page.WaitForAssertion(() => Assert.Contains("Positive rate by model", page.Find("[data-testid=segments]").TextContent), Patience);
        await page.InvokeAsync(() => page.FindComponents<MudBlazor.MudSelect<string>>().Single(s => s.Instance.Label == "Metadata key").Instance.ValueChanged.InvokeAsync("promptVersion"));
        page.WaitForAssertion(() =>
        {
            var values = page.FindAll("[data-segment-value]").Select(e => e.TextContent.Trim()).ToList();
            Assert.Equal(["v41: 100% of 2", "v42: 0% of 1"], values);
        }, Patience);
        // Each value opens the live feed filtered by it, within the Overview's source.
        Assert.Equal($"/live?source={source}&metadata.promptVersion=v42", page.Find("[data-segment-value=v42]").GetAttribute("href"));
    }
}
