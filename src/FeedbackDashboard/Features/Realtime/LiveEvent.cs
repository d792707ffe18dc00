using FeedbackDashboard.Contracts;

namespace FeedbackDashboard.Features.Realtime;

public enum LiveEventKind
{
    TaskCreated,
    TaskUpdated,
    FeedbackReceived,
    FeedbackSkipped,
    IssuesChanged,

    /// <summary>A change was judged, or an alert rule fired or resolved: the Overview reads its evidence again.</summary>
    EvidenceChanged,
}

/// <summary>What the dashboard's own pages are told, in the same shapes the hub sends to external clients.</summary>
public sealed record LiveEvent(
    LiveEventKind Kind,
    ReviewTaskDto? Task = null,
    FeedbackDto? Feedback = null,
    int Skipped = 0,
    IReadOnlyList<long>? IssueIds = null)
{
    public static LiveEvent TaskCreated(ReviewTaskDto task) => new(LiveEventKind.TaskCreated, Task: task);
    public static LiveEvent TaskUpdated(ReviewTaskDto task) => new(LiveEventKind.TaskUpdated, Task: task);
    public static LiveEvent FeedbackReceived(FeedbackDto feedback) => new(LiveEventKind.FeedbackReceived, Feedback: feedback);
    public static LiveEvent FeedbackSkipped(int count) => new(LiveEventKind.FeedbackSkipped, Skipped: count);
    public static LiveEvent IssuesChanged(IReadOnlyList<long> issueIds) => new(LiveEventKind.IssuesChanged, IssueIds: issueIds);
    public static LiveEvent EvidenceChanged() => new(LiveEventKind.EvidenceChanged);

    public LiveTopics Topic => Kind switch
    {
        LiveEventKind.TaskCreated or LiveEventKind.TaskUpdated => LiveTopics.Tasks,
        LiveEventKind.FeedbackReceived or LiveEventKind.FeedbackSkipped => LiveTopics.Feedback,
        LiveEventKind.EvidenceChanged => LiveTopics.Evidence,
        _ => LiveTopics.Issues,
    };
}

/// <summary>What a page listens to. Tasks reach reviewers and admins only, as the hub's reviewers group does.</summary>
[Flags]
public enum LiveTopics
{
    None = 0,
    Tasks = 1,
    Feedback = 2,
    Issues = 4,
    Evidence = 8,
}
