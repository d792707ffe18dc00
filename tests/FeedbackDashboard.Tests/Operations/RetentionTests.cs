using FeedbackDashboard.Features.Operations;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Operations;

public class RetentionTests(RetentionTests.RetentionAppFactory app) : IClassFixture<RetentionTests.RetentionAppFactory>
{
    public sealed class RetentionAppFactory : FeedbackAppFactoryBase
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Retention:FeedbackDays", "7");
    }

    [Fact]
    public async Task OldRawFeedback_IsDeleted_TheAggregatesAndCorrectionsStay()
    {
        var client = app.CreateApiClient();
        await client.PostFeedbackAsync("Old question", "negative");
        await client.PostFeedbackAsync("Old question", "correction", "The right answer.");
        int totalBefore;
        await using (var db = app.CreateDbContext())
        {
            totalBefore = await db.DailyAggregates.SumAsync(a => a.ThumbsDown + a.Corrections);
        }
        app.Clock.Advance(TimeSpan.FromDays(10));
        await client.PostFeedbackAsync("New question", "positive");

        // The worker's own schedule fires too once the clock moves; whichever runs, the outcome is the same.
        var worker = app.Services.GetRequiredService<RetentionWorker>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await worker.RunOnceAsync(CancellationToken.None);
            await using var db = app.CreateDbContext();
            if (await db.Feedback.CountAsync() == 1 || DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(50);
        }

        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.Feedback.CountAsync());
        Assert.Equal(1, await check.Interactions.CountAsync());
        Assert.Equal(totalBefore, await check.DailyAggregates.SumAsync(a => a.ThumbsDown + a.Corrections));
        var correction = await check.Corrections.SingleAsync();
        Assert.Null(correction.FeedbackId);
        Assert.Equal("The right answer.", correction.Text);
    }
}
