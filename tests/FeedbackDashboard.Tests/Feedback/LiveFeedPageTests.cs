using Bunit;
using FeedbackDashboard.Components.Pages.Feedback;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Feedback;

/// <summary>The live feed: what was stored before it opened, and what arrives while it is open (pushed on the server, ADR-012).</summary>
public class LiveFeedPageTests(FeedbackAppFactory app) : PageTestContext(app), IClassFixture<FeedbackAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ShowsRecentFeedback_ThenWhatArrives_WithoutReload()
    {
        var before = ApiClientExtensions.Unique("Stored before the page opened?");
        await Api.PostFeedbackAsync(before, "negative", comment: "Old news");
        SignInAs(AppRoles.ProductManager);

        var page = Render<LiveFeedPage>();
        page.WaitForAssertion(() => Assert.Contains(before, page.Markup), Patience);

        var after = ApiClientExtensions.Unique("Arrived while it was open?");
        await Api.PostFeedbackAsync(after, "positive");
        App.Clock.Advance(TimeSpan.FromSeconds(1)); // the page renders pushes at most every 500 ms

        page.WaitForAssertion(() =>
        {
            Assert.Contains(after, page.Markup);
            Assert.True(page.Markup.IndexOf(after, StringComparison.Ordinal) < page.Markup.IndexOf(before, StringComparison.Ordinal), "newest first");
        }, Patience);
    }
}
