using FeedbackDashboard.Core.Review;

namespace FeedbackDashboard.Core.Tests.Review;

public class ReviewTransitionsTests
{
    private const string Me = "me";
    private const string Other = "other";

    public static TheoryData<ReviewTaskStatus, string?, ReviewAction, bool, string> Cases => new()
    {
        // status, assignee, action, actor is admin, expected ("changed:Status:Assignee", "unchanged", "refused", "refused:holder")
        { ReviewTaskStatus.Open, null, ReviewAction.Claim, false, "changed:InReview:me" },
        { ReviewTaskStatus.InReview, Me, ReviewAction.Claim, false, "unchanged" },
        { ReviewTaskStatus.InReview, Other, ReviewAction.Claim, false, "refused:other" },
        { ReviewTaskStatus.InReview, Other, ReviewAction.Claim, true, "refused:other" },
        { ReviewTaskStatus.Resolved, null, ReviewAction.Claim, false, "refused" },
        { ReviewTaskStatus.InReview, Me, ReviewAction.Release, false, "changed:Open:" },
        { ReviewTaskStatus.InReview, Other, ReviewAction.Release, false, "refused:other" },
        { ReviewTaskStatus.InReview, Other, ReviewAction.Release, true, "changed:Open:" },
        { ReviewTaskStatus.Open, null, ReviewAction.Release, false, "unchanged" },
        { ReviewTaskStatus.Open, null, ReviewAction.Resolve, false, "changed:Resolved:me" },
        { ReviewTaskStatus.InReview, Me, ReviewAction.Resolve, false, "changed:Resolved:me" },
        { ReviewTaskStatus.InReview, Other, ReviewAction.Resolve, false, "refused:other" },
        { ReviewTaskStatus.InReview, Other, ReviewAction.Resolve, true, "changed:Resolved:other" },
        { ReviewTaskStatus.Dismissed, Me, ReviewAction.Resolve, false, "refused" },
        { ReviewTaskStatus.Open, null, ReviewAction.Dismiss, false, "changed:Dismissed:me" },
        { ReviewTaskStatus.InReview, Other, ReviewAction.Dismiss, false, "refused:other" },
        { ReviewTaskStatus.Resolved, Me, ReviewAction.Reopen, false, "changed:Open:" },
        { ReviewTaskStatus.Dismissed, Other, ReviewAction.Reopen, false, "changed:Open:" },
        { ReviewTaskStatus.Open, null, ReviewAction.Reopen, false, "refused" },
        { ReviewTaskStatus.InReview, Me, ReviewAction.Reopen, false, "refused" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_FollowsTheWorkflow(ReviewTaskStatus status, string? assignee, ReviewAction action, bool admin, string expected)
    {
        var outcome = ReviewTransitions.Decide(new ReviewState(status, assignee), action, Me, admin);

        var actual = outcome switch
        {
            TransitionOutcome.Changed c => $"changed:{c.State.Status}:{c.State.AssigneeId}",
            TransitionOutcome.Unchanged => "unchanged",
            TransitionOutcome.Refused { HolderId: { } holder } => $"refused:{holder}",
            TransitionOutcome.Refused => "refused",
            _ => "?",
        };
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(ReviewTaskStatus.Open, null, false, "changed:InReview:target")]
    [InlineData(ReviewTaskStatus.InReview, "target", false, "unchanged")]
    [InlineData(ReviewTaskStatus.InReview, Me, false, "changed:InReview:target")]
    [InlineData(ReviewTaskStatus.InReview, Other, false, "refused")]
    [InlineData(ReviewTaskStatus.InReview, Other, true, "changed:InReview:target")]
    [InlineData(ReviewTaskStatus.Resolved, null, true, "refused")]
    public void Assign_GivesTheTaskToSomeone(ReviewTaskStatus status, string? assignee, bool admin, string expected)
    {
        var outcome = ReviewTransitions.Decide(new ReviewState(status, assignee), ReviewAction.Assign, Me, admin, "target");

        var actual = outcome switch
        {
            TransitionOutcome.Changed c => $"changed:{c.State.Status}:{c.State.AssigneeId}",
            TransitionOutcome.Unchanged => "unchanged",
            _ => "refused",
        };
        Assert.Equal(expected, actual);
    }
}
