using System.Net;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Issues;

/// <summary>Callers cannot keep the CPU busy with re-clusterings: one at a time, a gap between them, and not from a read-only key.</summary>
public class RecomputeLimitsTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    [Fact]
    public async Task ManyRequests_StartOneRun_ThenTheGapAnswers429_UntilItHasPassed()
    {
        var client = app.CreateApiClient();
        for (var i = 0; i < 12; i++)
        {
            await client.PostFeedbackAsync(ApiClientExtensions.Unique("Recompute"), "negative", comment: "The export button does nothing");
        }
        await using var before = app.CreateDbContext();
        var runsBefore = await before.IssueRuns.CountAsync();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 38; i++)
        {
            var response = await client.PostAsync("/api/v1/issues/recompute", null);
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            }
        }
        await WaitForRunsAsync(runsBefore + 1);
        var afterRun = await client.PostAsync("/api/v1/issues/recompute", null);
        var waited = await client.PostAsync("/api/v1/issues/recompute?wait=true", null);

        Assert.Equal(HttpStatusCode.Accepted, answers[0]);
        Assert.All(answers, a => Assert.Contains(a, new[] { HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }));
        Assert.Equal(HttpStatusCode.TooManyRequests, afterRun.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, waited.StatusCode);
        await Task.Delay(500);
        await using var db = app.CreateDbContext();
        Assert.Equal(runsBefore + 1, await db.IssueRuns.CountAsync()); // 40 requests, one run

        app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/issues/recompute?wait=true", null)).StatusCode);
    }

    [Fact]
    public async Task AReadOnlyKey_CannotStartARun()
    {
        var keys = app.Services.GetRequiredService<ApiKeyService>();
        var readOnly = await keys.CreateAsync(TestPrincipals.WithRole(AppRoles.Admin), "read only", ApiKeyScopes.Read);

        var response = await app.CreateApiClient(readOnly.Plaintext).PostAsync("/api/v1/issues/recompute", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task WaitForRunsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = app.CreateDbContext();
            if (await db.IssueRuns.CountAsync() >= count)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, "the run did not finish");
            await Task.Delay(50);
        }
    }
}
