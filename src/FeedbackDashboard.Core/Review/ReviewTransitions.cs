namespace FeedbackDashboard.Core.Review;

/// <summary>Who a review task is with and in which state.</summary>
public sealed record ReviewState(ReviewTaskStatus Status, string? AssigneeId);

public abstract record TransitionOutcome
{
    private TransitionOutcome() { }

    public sealed record Changed(ReviewState State) : TransitionOutcome;

    /// <summary>Already so (claiming a task you hold): nothing to write.</summary>
    public sealed record Unchanged(ReviewState State) : TransitionOutcome;

    /// <param name="HolderId">Who has the task, when that is why.</param>
    public sealed record Refused(string Reason, string? HolderId = null) : TransitionOutcome;
}

/// <summary>The review workflow: open → in review (claimed) → resolved or dismissed, and back.</summary>
public static class ReviewTransitions
{
    /// <param name="actorId">Who acts.</param>
    /// <param name="actorIsAdmin">Admins may release, resolve or dismiss what someone else holds.</param>
    /// <param name="assigneeId">For <see cref="ReviewAction.Assign"/>: whom to give the task to.</param>
    public static TransitionOutcome Decide(ReviewState current, ReviewAction action, string actorId, bool actorIsAdmin, string? assigneeId = null)
    {
        var active = ReviewPolicy.IsActive(current.Status);
        var heldByOther = current.Status == ReviewTaskStatus.InReview && current.AssigneeId is not null && current.AssigneeId != actorId;
        var mayOverride = !heldByOther || actorIsAdmin;

        return action switch
        {
            ReviewAction.Claim when !active => Closed(current),
            ReviewAction.Claim when current.Status == ReviewTaskStatus.InReview && current.AssigneeId == actorId => new TransitionOutcome.Unchanged(current),
            ReviewAction.Claim when heldByOther => new TransitionOutcome.Refused("Someone else is reviewing this task.", current.AssigneeId),
            ReviewAction.Claim => Change(ReviewTaskStatus.InReview, actorId),

            ReviewAction.Assign when !active => Closed(current),
            ReviewAction.Assign when assigneeId is null => new TransitionOutcome.Refused("Say whom to assign the task to."),
            ReviewAction.Assign when current.Status == ReviewTaskStatus.InReview && current.AssigneeId == assigneeId => new TransitionOutcome.Unchanged(current),
            ReviewAction.Assign when !mayOverride => new TransitionOutcome.Refused("Someone else is reviewing this task.", current.AssigneeId),
            ReviewAction.Assign => Change(ReviewTaskStatus.InReview, assigneeId),

            ReviewAction.Release when !active => Closed(current),
            ReviewAction.Release when current.Status == ReviewTaskStatus.Open => new TransitionOutcome.Unchanged(current),
            ReviewAction.Release when !mayOverride => new TransitionOutcome.Refused("Only the reviewer who has the task, or an admin, can release it.", current.AssigneeId),
            ReviewAction.Release => Change(ReviewTaskStatus.Open, null),

            ReviewAction.Resolve or ReviewAction.Dismiss when !active => Closed(current),
            ReviewAction.Resolve or ReviewAction.Dismiss when !mayOverride =>
                new TransitionOutcome.Refused("Someone else is reviewing this task.", current.AssigneeId),
            ReviewAction.Resolve => Change(ReviewTaskStatus.Resolved, current.AssigneeId ?? actorId),
            ReviewAction.Dismiss => Change(ReviewTaskStatus.Dismissed, current.AssigneeId ?? actorId),

            ReviewAction.Reopen when active => new TransitionOutcome.Refused("The task is already open."),
            ReviewAction.Reopen => Change(ReviewTaskStatus.Open, null),

            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    private static TransitionOutcome.Changed Change(ReviewTaskStatus status, string? assigneeId) => new(new ReviewState(status, assigneeId));

    private static TransitionOutcome.Refused Closed(ReviewState current) =>
        new($"The task is {(current.Status == ReviewTaskStatus.Resolved ? "resolved" : "dismissed")}; reopen it first.");
}
