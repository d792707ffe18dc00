using Bunit;
using FeedbackDashboard.Components.Pages.Pipeline;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Pipeline;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Pipeline;

/// <summary>Admin > Pipeline tells the admin when the pipeline gives way to an ingest flood, and why.</summary>
public class PipelinePanelTests(IngestFloodTests.ManualPipelineAppFactory app) : PageTestContext(app), IClassFixture<IngestFloodTests.ManualPipelineAppFactory>
{
    [Fact]
    public void WhileThePipelineGivesWayToAFlood_ThePanelSaysSo_WithTheRates()
    {
        SignInAs(AppRoles.Admin);
        var flood = App.Services.GetRequiredService<IngestFlood>();
        var metrics = App.Services.GetRequiredService<PipelineMetrics>();
        flood.BatchDone(500, full: true, TimeSpan.FromMilliseconds(250)); // 2,000 items/s
        try
        {
            metrics.GivingWay(true);

            var panel = Render<PipelinePanel>();

            panel.WaitForAssertion(() =>
            {
                var alert = panel.Find("[data-testid=giving-way]");
                Assert.Contains("2,000 items/s the pipeline gets through", alert.TextContent);
                Assert.Contains("catches up when the flood ends", alert.TextContent);
            }, TimeSpan.FromSeconds(10));
        }
        finally
        {
            metrics.GivingWay(false);
        }

        var after = Render<PipelinePanel>();
        after.WaitForAssertion(() => Assert.NotNull(after.Find("[data-kpi='Behind by']")), TimeSpan.FromSeconds(10));
        Assert.Empty(after.FindAll("[data-testid=giving-way]"));
    }
}
