using Bunit;
using FeedbackDashboard.Components.Pages.Insights;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
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
}
