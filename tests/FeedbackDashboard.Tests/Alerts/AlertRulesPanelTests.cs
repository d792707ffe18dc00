using Bunit;
using FeedbackDashboard.Components.Pages.Alerts;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Alerts;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FeedbackDashboard.Tests.Alerts;

/// <summary>Admin > Alerts: an admin adds a rule with the form, turns it off and on, and deletes it; a bad rule names what is wrong and adds nothing.</summary>
public class AlertRulesPanelTests(FeedbackAppFactory app) : PageTestContext(app), IClassFixture<FeedbackAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private AlertRules Rules => App.Services.GetRequiredService<AlertRules>();

    [Fact]
    public async Task ARuleWithoutAName_SaysSo_AndAddsNothing()
    {
        SignInAs(AppRoles.Admin);
        var before = (await Rules.ListAsync()).Count;
        var panel = Render<AlertRulesPanel>();

        panel.Find("[data-testid=create-alert]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Give the rule a name", panel.Markup), Patience);
        Assert.Equal(before, (await Rules.ListAsync()).Count);
    }

    [Fact]
    public async Task ADropOverMinutes_IsAdded_TurnedOffAndOn_AndDeleted()
    {
        SignInAs(AppRoles.Admin);
        var name = "Drop test " + Guid.NewGuid().ToString("N")[..8];
        var panel = Render<AlertRulesPanel>();

        panel.Find("input[data-testid=alert-name]").Change(name);
        panel.Find("input[data-testid=alert-source]").Change("support-bot");
        await panel.InvokeAsync(() => Select(panel, "Fires when the rate").ValueChanged.InvokeAsync(true));
        await panel.InvokeAsync(() => Select(panel, "Over").ValueChanged.InvokeAsync(true));
        panel.Find("input[data-testid=alert-level]").Change("0.2");
        panel.Find("input[data-testid=alert-window]").Change("30");
        panel.Find("[data-testid=create-alert]").Click();

        panel.WaitForAssertion(() => Assert.Contains(
            "positive rate down 20 points or more over the last 30 minutes against the window before (source support-bot)", Row(panel, name).TextContent), Patience);
        var rule = (await Rules.ListAsync()).Single(r => r.Name == name);
        Assert.Equal((0.2, 30, true), (rule.DropBy!.Value, rule.WindowMinutes!.Value, rule.Enabled));
        Assert.Null(rule.Below);
        Assert.Null(rule.WindowItems);

        await panel.InvokeAsync(() => Row(panel, name).QuerySelector("input[data-testid=alert-enabled]")!.Change(false));
        panel.WaitForAssertion(() => Assert.NotNull(Row(panel, name).QuerySelector("[data-alert-state=off]")), Patience);
        Assert.False((await Rules.ListAsync()).Single(r => r.Name == name).Enabled);

        await panel.InvokeAsync(() => Row(panel, name).QuerySelector("input[data-testid=alert-enabled]")!.Change(true));
        panel.WaitForAssertion(() => Assert.NotNull(Row(panel, name).QuerySelector("[data-alert-state=ok]")), Patience);
        Assert.True((await Rules.ListAsync()).Single(r => r.Name == name).Enabled);

        panel.Find($"button[aria-label='Delete {name}']").Click();
        panel.WaitForAssertion(() => Assert.DoesNotContain(name, panel.Markup), Patience);
        Assert.DoesNotContain(await Rules.ListAsync(), r => r.Name == name);
    }

    private static MudSelect<bool> Select(IRenderedComponent<AlertRulesPanel> panel, string label) =>
        panel.FindComponents<MudSelect<bool>>().Single(s => s.Instance.Label == label).Instance;

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<AlertRulesPanel> panel, string name) =>
        panel.FindAll("[data-testid=alert-rules] tbody tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));
}
