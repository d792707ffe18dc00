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
public sealed class ReviewHub : Hub<IReviewClient>
{
    public const string Path = "/hubs/review";
    public const string ReviewersGroup = "reviewers";
    public const string LiveFeedGroup = "live-feed";

    public override async Task OnConnectedAsync()
    {
        if (Context.User is { } user && (user.IsInRole(AppRoles.Reviewer) || user.IsInRole(AppRoles.Admin)))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, ReviewersGroup);
        }
        await base.OnConnectedAsync();
    }

    /// <summary>Receive FeedbackReceived for every item as it arrives (sampled under a flood).</summary>
    public Task JoinLiveFeed() => Groups.AddToGroupAsync(Context.ConnectionId, LiveFeedGroup);

    public Task LeaveLiveFeed() => Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveFeedGroup);
}
