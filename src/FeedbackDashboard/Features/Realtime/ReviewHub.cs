using FeedbackDashboard.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace FeedbackDashboard.Features.Realtime;

/// <summary>
/// Push for signed-in people (cookie; API keys never reach /hubs). Reviewers and admins join the
/// review group when they connect; anyone who may read can join the live feed. The dashboard's
/// own pages are clients of this hub too (through the JS client in the browser), so one path
/// serves both, and the Redis backplane carries it across instances.
/// </summary>
[Authorize(Policy = AccessPolicies.Read)]
public sealed class ReviewHub(SessionWatch sessions) : Hub<IReviewClient>
{
    public const string Path = "/hubs/review";
    public const string ReviewersGroup = "reviewers";
    public const string LiveFeedGroup = "live-feed";

    private const string SessionWatchItem = "session-watch";

    public override async Task OnConnectedAsync()
    {
        // A connection holds the rights it was opened with: end it when the user's rights change (a new role
        // joins the right groups on reconnect; a disabled user cannot reconnect).
        if (Context.User is { } person && SessionFacts.UserIdOf(person) is { } userId)
        {
            var connection = Context;
            Context.Items[SessionWatchItem] = await sessions.WatchAsync(userId, SessionFacts.Of(person), _ =>
            {
                connection.Abort();
                return Task.CompletedTask;
            });
        }
        if (Context.User is { } user && (user.IsInRole(AppRoles.Reviewer) || user.IsInRole(AppRoles.Admin)))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, ReviewersGroup);
        }
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(SessionWatchItem, out var watching))
        {
            (watching as IDisposable)?.Dispose();
        }
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Receive FeedbackReceived for every item as it arrives (sampled under a flood).</summary>
    public Task JoinLiveFeed() => Groups.AddToGroupAsync(Context.ConnectionId, LiveFeedGroup);

    public Task LeaveLiveFeed() => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveFeedGroup);
}
