using System.Net;
using System.Text.Json.Nodes;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Tests.Issues;

/// <summary>
/// A run clusters a sample (Clustering:SampleSize) and then places every negative item of the window:
/// frequencies count all of them, a text outside the sample joins its issue, an unrelated one stays
/// out, and issue ids survive a run over a different sample.
/// </summary>
public class SampledClusteringTests(SampledClusteringTests.SmallSampleApp app) : IClassFixture<SampledClusteringTests.SmallSampleApp>
{
    public sealed class SmallSampleApp : FeedbackAppFactoryBase
    {
        public const int SampleSize = 24;

        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Clustering:SampleSize", SampleSize.ToString());
    }

    private static readonly string[] Refunds =
        ["I never got my refund", "Where is my refund?", "The refund has not arrived", "Still waiting for the refund", "My refund is missing", "No refund after two weeks"];
    private static readonly string[] Logins =
        ["I cannot log in", "Login fails every time", "The sign in page rejects my password", "Can't log into my account", "Locked out of my account", "Password reset does not let me in"];

    private async Task<JsonArray> RecomputeAsync(HttpClient client)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var response = await client.PostAsync("/api/v1/issues/recompute?wait=true", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync())["items"]!.AsArray();
    }

    [Fact]
    public async Task EveryItemIsCounted_NotOnlyTheSample_AndIdsSurviveANewSample()
    {
        var client = app.CreateApiClient();
        for (var round = 0; round < 8; round++)
        {
            foreach (var text in Refunds.Concat(Logins))
            {
                await client.PostFeedbackAsync(ApiClientExtensions.Unique("Account question"), "negative", comment: text);
            }
        }
        await client.PostFeedbackAsync("Unrelated", "negative", comment: "The font on the invoice PDF is too small to read");

        var issues = await RecomputeAsync(client);
        int assigned;
        await using (var db = app.CreateDbContext())
        {
            var run = await db.IssueRuns.OrderByDescending(r => r.Id).FirstAsync();
            Assert.Equal(97, run.ItemCount);
            Assert.Equal(SmallSampleApp.SampleSize, run.ClusteredCount);
            assigned = run.AssignedCount;
            // Far more than the sample is placed, and a text is placed whole: all eight of its items, or none.
            Assert.InRange(assigned, 80, 96);
            var placedComments = await db.IssueClusterMembers.Join(db.Feedback, m => m.FeedbackId, f => f.Id, (_, f) => f.Comment).ToListAsync();
            Assert.All(placedComments.GroupBy(c => c), g => Assert.Equal(8, g.Count()));
            Assert.DoesNotContain("The font on the invoice PDF is too small to read", placedComments);
        }
        Assert.Equal(assigned, issues.Sum(i => (int)i!["frequency"]!));
        Assert.Equal(assigned, (int)(await (await client.GetAsync("/api/v1/insights?days=30")).ReadJsonAsync())["negativeInIssues"]!);

        // More of the same moves the sample; the issues keep their ids.
        var ids = issues.Select(i => (long)i!["id"]!).Order().ToList();
        foreach (var text in Refunds.Concat(Logins))
        {
            await client.PostFeedbackAsync(ApiClientExtensions.Unique("Account question"), "negative", comment: text);
        }
        var again = await RecomputeAsync(client);
        Assert.Equal(ids, again.Select(i => (long)i!["id"]!).Order().ToList());
        Assert.InRange(again.Sum(i => (int)i!["frequency"]!), assigned + assigned / 8, 108);
    }
}
