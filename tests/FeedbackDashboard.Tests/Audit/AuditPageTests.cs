using Bunit;
using FeedbackDashboard.Components.Pages.Audit;
using FeedbackDashboard.Core.Triggers;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Triggers;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Audit;

/// <summary>The audit log page lists who changed what, with the change itself.</summary>
public class AuditPageTests(FeedbackAppFactory app) : PageTestContext(app), IClassFixture<FeedbackAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AnAdminsChange_IsListedWithItsActorActionAndValues()
    {
        var admin = TestPrincipals.WithRole(AppRoles.Admin, "auditor@demo.local");
        var store = App.Services.GetRequiredService<TriggerSettingsStore>();
        var options = await store.GetAsync();
        var errors = await store.UpdateAsync(admin, new TriggerOptions
        {
            NegativeShareThreshold = 0.4,
            WindowSize = options.WindowSize,
            MinimumItems = options.MinimumItems,
            CountLowRatingsAsNegative = options.CountLowRatingsAsNegative,
            LowRatingMaximum = options.LowRatingMaximum,
        });
        Assert.True(errors.IsEmpty);
        SignInAs(AppRoles.Admin);

        var page = Render<AuditPage>();

        page.WaitForAssertion(() =>
        {
            var row = page.FindAll("[data-testid=audit] tr.mud-table-row").First(r => r.TextContent.Contains("auditor@demo.local", StringComparison.Ordinal));
            Assert.Contains("0.4", row.TextContent);
        }, Patience);
    }
}
