using FeedbackDashboard.Core.Review;

namespace FeedbackDashboard.Features.Review;

/// <param name="Search">Matched against the representative query and the pattern key.</param>
public sealed record ReviewTaskFilter(
    ReviewTaskStatus? Status = null,
    ReviewPriority? Priority = null,
    int Page = 1,
    int PageSize = 50,
    string? Source = null,
    string? AssigneeId = null,
    string? Search = null,
    bool ActiveOnly = false,
    ReviewTaskSort Sort = ReviewTaskSort.Severity)
{
    public const int MaxPageSize = 500;
}
