using Bunit;
using FeedbackDashboard.Components.Pages.Corrections;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Corrections;

/// <summary>The corrections inbox: a user's correction waits there, pending, as it was sent.</summary>
public class CorrectionsPageTests(FeedbackAppFactory app) : PageTestContext(app), IClassFixture<FeedbackAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task APendingCorrection_IsListedWithItsTextAndStatus()
    {
        var text = ApiClientExtensions.Unique("Refunds take 5 working days, not 10.");
        await Api.PostFeedbackAsync(ApiClientExtensions.Unique("How long do refunds take?"), "correction", value: text);
        SignInAs(AppRoles.Reviewer);

        var page = Render<CorrectionsPage>();

        page.WaitForAssertion(() =>
        {
            var row = page.FindAll("tr.mud-table-row").Single(r => r.TextContent.Contains(text, StringComparison.Ordinal));
            Assert.Contains("pending", row.TextContent);
            Assert.Contains("knowledge", row.TextContent);
        }, Patience);
    }
}
