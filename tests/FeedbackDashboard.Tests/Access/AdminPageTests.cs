using Bunit;
using FeedbackDashboard.Components.Pages.Admin;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Access;

/// <summary>The Admin page opens on its people, each with a role and a state.</summary>
public class AdminPageTests(FeedbackAppFactory app) : PageTestContext(app), IClassFixture<FeedbackAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void People_AreListedWithTheirRoles()
    {
        SignInAs(AppRoles.Admin);

        var page = Render<AdminPage>();

        page.WaitForAssertion(() =>
        {
            foreach (var account in DemoAccounts.All)
            {
                var row = page.FindAll("tr.mud-table-row").Single(r => r.TextContent.Contains(account.Email, StringComparison.Ordinal));
                Assert.Contains(AppRoles.DisplayName(account.Role), row.TextContent);
            }
        }, Patience);
    }
}
