using Bunit;
using FeedbackDashboard.Components.Pages.Webhooks;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Webhooks;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FeedbackDashboard.Tests.Webhooks;

/// <summary>Admin > Webhooks: a URL added with chosen events gets only those; added with none, every event.</summary>
public class WebhooksPanelTests(FeedbackAppFactory app) : PageTestContext(app), IClassFixture<FeedbackAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AUrlAddedWithChosenEvents_GetsThoseOnly_AndOneWithNone_GetsEveryEvent()
    {
        SignInAs(AppRoles.Admin);
        var registry = App.Services.GetRequiredService<WebhookRegistry>();
        var alerts = "https://alerts.example.com/" + Guid.NewGuid().ToString("N");
        var everything = "https://all.example.com/" + Guid.NewGuid().ToString("N");
        var panel = Render<WebhooksPanel>();

        panel.Find("input[data-testid=webhook-url]").Input(alerts);
        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<string>>().Instance.SelectedValuesChanged
            .InvokeAsync(new[] { WebhookEvents.AlertFired, WebhookEvents.AlertResolved }));
        panel.Find("[data-testid=create-webhook]").Click();
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("input[data-testid=webhook-secret]").GetAttribute("value")), Patience);
        panel.Find("input[data-testid=webhook-url]").Input(everything);
        panel.Find("[data-testid=create-webhook]").Click();

        panel.WaitForAssertion(() => Assert.Contains(everything, panel.Markup), Patience);
        var hooks = await registry.ListAsync();
        Assert.Equal([WebhookEvents.AlertFired, WebhookEvents.AlertResolved], hooks.Single(h => h.Url == alerts).Events);
        Assert.Empty(hooks.Single(h => h.Url == everything).Events);
        var listed = panel.FindAll("[data-testid=webhook-events]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("alert.fired, alert.resolved", listed);
        Assert.Contains("every event", listed);
    }
}
