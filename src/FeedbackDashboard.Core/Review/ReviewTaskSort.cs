namespace FeedbackDashboard.Core.Review;

/// <summary>The orders the review queue and GET /api/v1/review-tasks offer; severity first by default.</summary>
public enum ReviewTaskSort
{
    Severity,
    Newest,
    Oldest,
    Priority,
    NegativeShare,
    Related,
}

public static class ReviewTaskSorts
{
    private static readonly Dictionary<string, ReviewTaskSort> ByName = new(StringComparer.Ordinal)
    {
        ["severity"] = ReviewTaskSort.Severity,
        ["newest"] = ReviewTaskSort.Newest,
        ["oldest"] = ReviewTaskSort.Oldest,
        ["priority"] = ReviewTaskSort.Priority,
        ["negative_share"] = ReviewTaskSort.NegativeShare,
        ["related"] = ReviewTaskSort.Related,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static bool TryParse(string? value, out ReviewTaskSort sort) => ByName.TryGetValue(value ?? "", out sort);
}
