using Bunit;
using FeedbackDashboard.Components.Pages.Issues;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Issues;

/// <summary>The Issues page's states before any clustering: nothing negative, and negative items not yet in an issue.</summary>
public class IssuesPageTests(FeedbackAppFactory app) : PageTestContext(app), IClassFixture<FeedbackAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private IRenderedComponent<IssuesPage> RenderFor(string source)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/issues?source={Uri.EscapeDataString(source)}");
        return Render<IssuesPage>();
    }

    [Fact]
    public void ASourceWithNothingNegative_SaysSo()
    {
        SignInAs(AppRoles.ProductManager);

        var page = RenderFor("calm-" + Guid.NewGuid().ToString("N"));

        page.WaitForAssertion(() => Assert.Contains("No negative feedback in this window.", page.Find("[data-testid=issues-empty]").TextContent), Patience);
    }

    [Fact]
    public async Task NegativeItemsNotYetClustered_AreCountedAndTheRunCanBeStarted()
    {
        var source = "issues-" + Guid.NewGuid().ToString("N")[..8];
        await Api.PostFeedbackAsync(ApiClientExtensions.Unique("Card declined?"), "negative", comment: "Still declined", source: source);
        SignInAs(AppRoles.ProductManager);

        var page = RenderFor(source);

        page.WaitForAssertion(() =>
        {
            Assert.Contains("1", page.Find("[data-testid=issues-empty]").TextContent);
            Assert.NotNull(page.Find("[data-testid=recompute]"));
        }, Patience);
    }
}
