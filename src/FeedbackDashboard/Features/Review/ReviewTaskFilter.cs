using FeedbackDashboard.Core.Review;

namespace FeedbackDashboard.Features.Review;

public sealed record ReviewTaskFilter(ReviewTaskStatus? Status = null, ReviewPriority? Priority = null, int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 200;
}
