using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Ingestion;
using FeedbackDashboard.Features.Shared;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Operations;

public class GroupCommitShutdownTests
{
    [Fact]
    public async Task OnShutdown_EveryQueuedItemIsCommittedAndAnswered()
    {
        await using var app = new FeedbackAppFactory();
        var groupCommit = app.Services.GetRequiredService<GroupCommit>();
        var run = Guid.NewGuid().ToString("N");
        var items = Enumerable.Range(0, 500).Select(n => new FeedbackItem(
            new FeedbackSubmission($"stop-{run}-{n}", $"stop-{run}-{n}", FeedbackType.ThumbsDown),
            new InteractionSubmission($"stop-{run}-{n}", $"Question {n} before the stop", "An answer.", "shutdown-test", null, new Dictionary<string, string>())));

        // Queued faster than one commit takes them, then the writer is told to stop at once.
        var answers = items.Select(item => groupCommit.SubmitAsync(item, CancellationToken.None)).ToList();
        await groupCommit.StopAsync(CancellationToken.None);

        var outcomes = await Task.WhenAll(answers).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(outcomes, outcome => Assert.IsType<ActionOutcome<UserFeedback>.Done>(outcome));
        await using var db = app.CreateDbContext();
        Assert.Equal(500, await db.Feedback.CountAsync(f => f.ClientId!.StartsWith($"stop-{run}-")));
    }
}
