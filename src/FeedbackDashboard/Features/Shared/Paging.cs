using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Features.Shared;

public static class Paging
{
    public static void Validate(int page, int pageSize, int maxPageSize, ValidationErrors errors)
    {
        if (page < 1)
        {
            errors.Add("page", "The page starts at 1.");
        }
        if (pageSize < 1 || pageSize > maxPageSize)
        {
            errors.Add("pageSize", $"The pageSize must be from 1 to {maxPageSize}.");
        }
    }
}
