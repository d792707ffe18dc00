using System.Net;
using FeedbackDashboard.Core.Triggers;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Triggers;
using FeedbackDashboard.Tests.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Triggers;

/// <summary>Changes the trigger options of its app, so it has an app of its own.</summary>
public class TriggerSettingsTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private TriggerSettingsStore Store => app.Services.GetRequiredService<TriggerSettingsStore>();

    [Fact]
    public async Task AdminChange_AppliesToTheNextFeedbackWithoutRestart_AndIsAudited()
    {
        var admin = TestPrincipals.WithRole(AppRoles.Admin, "tuner@demo.local");
        var client = app.CreateApiClient();

        var errors = await Store.UpdateAsync(admin, new TriggerOptions { NegativeShareThreshold = 0.5, WindowSize = 10, MinimumItems = 5 });
        var query = ApiClientExtensions.Unique("Tuned");
        foreach (var type in new[] { "positive", "positive", "positive", "negative", "negative" })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostFeedbackAsync(query, type, pattern: query)).StatusCode);
        }

        Assert.True(errors.IsEmpty);
        var tasks = await client.GetItemsAsync("/api/v1/review-tasks?pageSize=200");
        Assert.DoesNotContain(tasks, t => (string)t!["patternKey"]! == query); // 40% is not above 50%
        await using var db = app.CreateDbContext();
        var record = await db.AuditRecords.OrderByDescending(r => r.Id).FirstAsync(r => r.Action == "triggers.updated");
        Assert.Equal("tuner@demo.local", record.Actor);
        Assert.Contains("\"negativeShareThreshold\":0.3", record.Before);
        Assert.Contains("\"negativeShareThreshold\":0.5", record.After);

        await Store.UpdateAsync(admin, new TriggerOptions());
    }

    [Theory]
    [InlineData(1.5, 10, 5, "negativeShareThreshold")]
    [InlineData(0.3, 0, 1, "windowSize")]
    [InlineData(0.3, 10, 11, "minimumItems")]
    public async Task InvalidOptions_AreRefusedNamingTheField(double threshold, int window, int minimum, string field)
    {
        var errors = await Store.UpdateAsync(TestPrincipals.WithRole(AppRoles.Admin),
            new TriggerOptions { NegativeShareThreshold = threshold, WindowSize = window, MinimumItems = minimum });

        Assert.Contains(field, errors.ToDictionary().Keys);
        Assert.Equal(0.3, (await Store.GetAsync()).NegativeShareThreshold);
    }
}
