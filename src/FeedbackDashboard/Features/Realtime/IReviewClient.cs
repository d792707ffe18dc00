using FeedbackDashboard.Contracts;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Review;

namespace FeedbackDashboard.Features.Realtime;

/// <summary>The events /hubs/review sends. Each takes one argument, shaped as the HTTP API returns it.</summary>
public interface IReviewClient
{
    /// <summary>To reviewers and admins: a pattern was flagged.</summary>
    Task ReviewTaskCreated(ReviewTaskDto task);

    /// <summary>To reviewers and admins: a task changed (claimed, resolved, new feedback joined it, ...).</summary>
    Task ReviewTaskUpdated(ReviewTaskDto task);

    /// <summary>To connections that called JoinLiveFeed: one feedback item as it was stored.</summary>
    Task FeedbackReceived(FeedbackDto feedback);

    /// <summary>To the same: under a flood the live feed samples; this many items were not sent in the last second.</summary>
    Task FeedbackSkipped(int count);

    /// <summary>To everyone connected: new negative feedback joined these issues, or (empty) a clustering run replaced them. Read GET /api/v1/issues again.</summary>
    Task IssuesChanged(IssuesChangedEvent change);
}

/// <param name="IssueIds">The issues that grew; empty when a clustering run replaced them all.</param>
public sealed record IssuesChangedEvent(IReadOnlyList<long> IssueIds);
