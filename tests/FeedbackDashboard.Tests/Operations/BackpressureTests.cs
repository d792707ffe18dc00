using System.Net;
using FeedbackDashboard.Features.Pipeline;
using FeedbackDashboard.Features.Shared;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Operations;

public class BackpressureTests(BackpressureTests.SmallBacklogAppFactory app) : IClassFixture<BackpressureTests.SmallBacklogAppFactory>
{
    public sealed class SmallBacklogAppFactory : FeedbackAppFactoryBase
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Pipeline:MaxBacklog", "100");
    }

    [Fact]
    public async Task WhenThePipelineIsTooFarBehind_IngestAnswers503WithRetryAfter_StoresNothing_ThenTakesFeedbackAgain()
    {
        var client = app.CreateApiClient(settle: false);
        var signal = app.Services.GetRequiredService<PipelineSignal>();
        await using var db = app.CreateDbContext();
        var before = await db.Feedback.CountAsync();

        signal.Committed(Enumerable.Range(1, 100).Select(i => -(long)i)); // as if 100 items were waiting
        var refused = await client.PostFeedbackAsync("While behind", "positive");
        var refusedBatch = await client.PostJsonAsync("/api/v1/feedback/batch", new { items = new[] { new { interactionId = "x", type = "positive" } } });
        var status = await app.Services.GetRequiredService<PipelineStatusReader>().ReadAsync();
        signal.Processed(100);
        var accepted = await client.PostFeedbackAsync("Caught up", "positive");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedBatch.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(before + 1, await db.Feedback.CountAsync());
        Assert.True(status.RefusingIngest); // what Admin > Pipeline shows meanwhile
        Assert.Equal(100, status.MaxBacklog);
    }

    [Fact]
    public async Task ConcurrentPosts_AreCommittedTogether_AndEachGetsItsOwnAnswer()
    {
        var client = app.CreateApiClient(settle: false);
        var ids = Enumerable.Range(0, 100).Select(i => $"gc-{Guid.NewGuid():N}").ToList();
        object Body(string id) => new { id, interactionId = id, type = "positive", interaction = new { id, query = "Group commit", source = "tests" } };

        var responses = await Task.WhenAll(ids.Select(id => client.PostJsonAsync("/api/v1/feedback", Body(id))));
        await app.WaitForPipelineAsync(); // this app refuses feedback at 100 waiting
        var replays = await Task.WhenAll(ids.Take(10).Select(id => client.PostJsonAsync("/api/v1/feedback", Body(id))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.All(replays, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var answered = new List<string>();
        foreach (var response in responses)
        {
            answered.Add((string)(await response.ReadJsonAsync())["id"]!);
        }
        Assert.Equal(ids.Order(), answered.Order());
        await using var db = app.CreateDbContext();
        Assert.Equal(100, await db.Feedback.CountAsync(f => ids.Contains(f.ClientId!)));
    }
}
