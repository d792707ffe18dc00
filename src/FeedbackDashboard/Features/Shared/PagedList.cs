namespace FeedbackDashboard.Features.Shared;

/// <summary>Every list the API returns: the items and the paging fields beside them.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public bool HasMore => Page * PageSize < TotalCount;
}
