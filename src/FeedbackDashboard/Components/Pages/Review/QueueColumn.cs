using FeedbackDashboard.Contracts;
using FeedbackDashboard.Features.Review;

namespace FeedbackDashboard.Components.Pages.Review;

/// <summary>A column of the review queue: its header, width, the value it sorts by, and whether narrow screens drop it.</summary>
public sealed record QueueColumn(string Title, string Width, Func<ReviewTaskDto, IComparable> SortKey, bool DroppedWhenNarrow = false)
{
    public static readonly IReadOnlyList<QueueColumn> All =
    [
        new("Priority", "6.5rem", t => t.Priority),
        new("Pattern", "auto", t => t.RepresentativeQuery),
        new("Severity", "6.5rem", t => t.Severity),
        new("Negative now", "9rem", t => t.CurrentNegativeShare),
        new("Action", "8rem", t => t.SuggestedAction, DroppedWhenNarrow: true),
        new("Age", "4rem", t => t.CreatedAt, DroppedWhenNarrow: true),
        new("Status · assignee", "11rem", t => t.Status),
    ];
}
