using Bunit;
using FeedbackDashboard.Components.Pages.Insights;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Alerts;
using FeedbackDashboard.Tests.Changes;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Alerts;

/// <summary>A rule that fires shows on an open Overview without a reload, and goes when it resolves.</summary>
public class OverviewAlertTests(ChangesAppFactory app) : PageTestContext(app), IClassFixture<ChangesAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AFiringRule_AppearsOnTheOpenOverview_AndLeavesWhenItResolves()
    {
        var source = "banner-" + Guid.NewGuid().ToString("N")[..8];
        var rules = App.Services.GetRequiredService<AlertRules>();
        var created = await rules.CreateAsync(TestPrincipals.WithRole(AppRoles.Admin),
            new AlertRuleRequest("Banner test " + source, "positive_rate", source, Below: 0.5, WindowItems: 5));
        Assert.IsType<FeedbackDashboard.Features.Shared.ActionOutcome<AlertRuleDto>.Done>(created);
        SignInAs(AppRoles.ProductManager);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/?source={source}");
        var page = Render<OverviewPage>();
        page.WaitForAssertion(() => Assert.Contains("Changes and their effect", page.Markup), Patience);
        Assert.DoesNotContain("Banner test " + source, page.Markup);

        for (var i = 0; i < 5; i++)
        {
            (await Api.PostFeedbackAsync("Where is my parcel?", "negative", source: source)).EnsureSuccessStatusCode();
        }
        await UntilAsync(() => page.FindAll("[data-testid=alert-firing]").Any(a => a.TextContent.Contains("Banner test " + source)));

        for (var i = 0; i < 5; i++)
        {
            (await Api.PostFeedbackAsync("Where is my parcel?", "positive", source: source)).EnsureSuccessStatusCode();
        }
        await UntilAsync(() => !page.Markup.Contains("Banner test " + source));
    }

    /// <summary>The page refreshes at most once a second on the app's clock, which the tests hold still: move it on while waiting.</summary>
    private async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The Overview did not show it in time.");
            App.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100);
        }
    }
}
