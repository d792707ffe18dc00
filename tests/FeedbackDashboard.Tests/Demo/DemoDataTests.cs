using System.Text.Json.Nodes;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace FeedbackDashboard.Tests.Demo;

/// <summary>The demo seeding of a first run, over eight days instead of thirty so it takes seconds.</summary>
public sealed class DemoAppFactory : FeedbackAppFactoryBase
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:SeedDays", "8");
    }
}

/// <summary>What a new user finds on a first run: feedback, a worked queue, published changes, and alert rules, one of them firing.</summary>
public class DemoDataTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private readonly HttpClient _api = app.CreateApiClient(settle: false);

    [Fact]
    public async Task AFirstRun_HasFeedbackTasksChanges_AndAlertRules_TheBadPromptsFiring()
    {
        var insights = await (await _api.GetAsync("/api/v1/insights?days=30")).ReadJsonAsync();
        var tasks = await _api.GetItemsAsync("/api/v1/review-tasks?pageSize=500");
        var changes = await _api.GetItemsAsync("/api/v1/changes");
        var admin = await app.CreateSignedInClientAsync(DemoAccounts.All.Single(a => a.Role == AppRoles.Admin));

        Assert.True((int)insights["totalFeedback"]! > 500, insights.ToJsonString());
        Assert.True(tasks.Count >= 3, $"{tasks.Count} tasks");
        Assert.Contains(changes, c => (string)c!["kind"]! == "instructions");
        Assert.Contains(changes, c => (string)c!["kind"]! == "knowledge");
        JsonNode? rule = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        do
        {
            var rules = await admin.GetItemsAsync("/api/v1/alert-rules");
            Assert.Equal(["A change judged worse", "A severe review task", "Prompt v42 below 50%", "Support bot dropped 15 points"],
                rules.Select(r => (string)r!["name"]!).Order(StringComparer.Ordinal));
            rule = rules.Single(r => (string)r!["name"]! == "Prompt v42 below 50%");
            if ((bool)rule!["firing"]!)
            {
                break;
            }
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        Assert.True((bool)rule!["firing"]!, rule.ToJsonString());
        Assert.True((double)rule["lastValue"]! < 0.5);
    }
}
