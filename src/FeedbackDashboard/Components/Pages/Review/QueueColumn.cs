using FeedbackDashboard.Features.Review;

namespace FeedbackDashboard.Components.Pages.Review;

/// <summary>A column of the review queue: its header, width, and the value it sorts by.</summary>
public sealed record QueueColumn(string Title, string Width, Func<ReviewTaskDto, IComparable> SortKey)
{
    public static readonly IReadOnlyList<QueueColumn> All =
    [
        new("Priority", "7rem", t => t.Priority),
        new("Pattern", "auto", t => t.RepresentativeQuery),
        new("Negative", "10rem", t => t.NegativeShare),
        new("Action", "9rem", t => t.SuggestedAction),
        new("Age", "4rem", t => t.CreatedAt),
        new("Status · assignee", "12rem", t => t.Status),
    ];
}
