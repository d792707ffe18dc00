using Bunit;
using FeedbackDashboard.Components.Pages.Segments;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Segments;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Segments;

/// <summary>Admin > Segments: an admin changes which metadata keys are counted; a bad key says what is wrong and changes nothing.</summary>
public class SegmentSettingsPanelTests(FeedbackAppFactory app) : PageTestContext(app), IClassFixture<FeedbackAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private SegmentSettingsStore Store => App.Services.GetRequiredService<SegmentSettingsStore>();

    [Fact]
    public async Task AnAdmin_ChangesTheKeys_AndABadKeyChangesNothing()
    {
        SignInAs(AppRoles.Admin);
        var panel = Render<SegmentSettingsPanel>();
        panel.WaitForAssertion(() => Assert.Equal("model, promptVersion", panel.Find("input[data-testid=segment-keys]").GetAttribute("value")), Patience);

        panel.Find("input[data-testid=segment-keys]").Change("model, promptVersion, tenant");
        panel.Find("[data-testid=save-segments]").Click();

        await WaitForAsync(async () => (await Store.GetAsync()).Keys.Count == 3);
        Assert.Equal(["model", "promptVersion", "tenant"], (await Store.GetAsync()).Keys);

        panel.Find("input[data-testid=segment-keys]").Change("tenant, " + new string('k', 101));
        panel.Find("[data-testid=save-segments]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Each key is a metadata key of at most 100 characters", panel.Markup), Patience);
        Assert.Equal(["model", "promptVersion", "tenant"], (await Store.GetAsync()).Keys);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The panel did not save in time.");
            await Task.Delay(50);
        }
    }
}
