using FeedbackDashboard.Contracts;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Review;
using Microsoft.AspNetCore.SignalR;

namespace FeedbackDashboard.Features.Realtime;

/// <summary>
/// Sends what the feedback loop did to the dashboard's own pages (server-side, <see cref="ILiveEventRelay"/>)
/// and to the hub's groups for external clients, after it committed. A push that fails
/// (a backplane down) is logged and dropped: the data is stored, and pages reload from it.
/// The live feed is sampled to <see cref="MaxLiveFeedPerSecond"/> items a second per instance;
/// what is skipped is counted and announced once a second.
/// </summary>
public sealed class ReviewNotifier(IHubContext<ReviewHub, IReviewClient> hub, ILiveEventRelay pages, TimeProvider time, ILogger<ReviewNotifier> logger)
{
    public const int MaxLiveFeedPerSecond = 50;

    private readonly Lock _gate = new();
    private long _windowSecond = -1;
    private int _sentThisSecond;
    private int _skippedThisSecond;

    // Pushed tasks carry their trigger but not the related items: one message goes to every reviewer,
    // so it is kept small (about a fifth); a client that wants the items GETs the task.
    public async Task TaskCreatedAsync(ReviewTaskDto task)
    {
        var pushed = task.WithoutRelated();
        await SendAsync(() => pages.PublishAsync(LiveEvent.TaskCreated(pushed)), "ReviewTaskCreated", task.Id);
        await SendAsync(() => hub.Clients.Group(ReviewHub.ReviewersGroup).ReviewTaskCreated(pushed), "ReviewTaskCreated", task.Id);
    }

    public async Task TaskUpdatedAsync(ReviewTaskDto task)
    {
        var pushed = task.WithoutRelated();
        await SendAsync(() => pages.PublishAsync(LiveEvent.TaskUpdated(pushed)), "ReviewTaskUpdated", task.Id);
        await SendAsync(() => hub.Clients.Group(ReviewHub.ReviewersGroup).ReviewTaskUpdated(pushed), "ReviewTaskUpdated", task.Id);
    }

    public async Task IssuesChangedAsync(IReadOnlyList<long> issueIds)
    {
        await SendAsync(() => pages.PublishAsync(LiveEvent.IssuesChanged(issueIds)), "IssuesChanged", issueIds.Count);
        await SendAsync(() => hub.Clients.All.IssuesChanged(new IssuesChangedEvent(issueIds)), "IssuesChanged", issueIds.Count);
    }

    /// <summary>Pages only: external clients get the change.verdict and alert.* webhooks.</summary>
    public Task EvidenceChangedAsync() => SendAsync(() => pages.PublishAsync(LiveEvent.EvidenceChanged()), "EvidenceChanged", 0);

    public async Task FeedbackReceivedAsync(IEnumerable<FeedbackDto> stored)
    {
        var liveFeed = hub.Clients.Group(ReviewHub.LiveFeedGroup);
        foreach (var feedback in stored)
        {
            var (send, skippedBefore) = Sample();
            if (skippedBefore > 0)
            {
                await SendAsync(() => pages.PublishAsync(LiveEvent.FeedbackSkipped(skippedBefore)), "FeedbackSkipped", skippedBefore);
                await SendAsync(() => liveFeed.FeedbackSkipped(skippedBefore), "FeedbackSkipped", skippedBefore);
            }
            if (send)
            {
                await SendAsync(() => pages.PublishAsync(LiveEvent.FeedbackReceived(feedback)), "FeedbackReceived", feedback.Id);
                await SendAsync(() => liveFeed.FeedbackReceived(feedback), "FeedbackReceived", feedback.Id);
            }
        }
    }

    /// <summary>Whether this item goes out, and how many were skipped in the second that just ended.</summary>
    private (bool Send, int SkippedBefore) Sample()
    {
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        lock (_gate)
        {
            var skippedBefore = 0;
            if (second != _windowSecond)
            {
                skippedBefore = _skippedThisSecond;
                _windowSecond = second;
                _sentThisSecond = 0;
                _skippedThisSecond = 0;
            }
            if (_sentThisSecond < MaxLiveFeedPerSecond)
            {
                _sentThisSecond++;
                return (true, skippedBefore);
            }
            _skippedThisSecond++;
            return (false, skippedBefore);
        }
    }

    private async Task SendAsync(Func<Task> send, string what, object id)
    {
        try
        {
            await send();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not push {Event} for {Id}", what, id);
        }
    }
}
