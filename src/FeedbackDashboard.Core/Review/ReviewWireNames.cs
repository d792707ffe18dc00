namespace FeedbackDashboard.Core.Review;

public static class ReviewWireNames
{
    public static string ToWire(this ReviewTaskStatus status) => status switch
    {
        ReviewTaskStatus.Open => "open",
        ReviewTaskStatus.InReview => "in_review",
        ReviewTaskStatus.Resolved => "resolved",
        ReviewTaskStatus.Dismissed => "dismissed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ToWire(this ReviewPriority priority) => priority switch
    {
        ReviewPriority.Medium => "medium",
        ReviewPriority.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, null),
    };

    public static bool TryParseStatus(string? value, out ReviewTaskStatus status)
    {
        foreach (var candidate in Enum.GetValues<ReviewTaskStatus>())
        {
            if (string.Equals(candidate.ToWire(), value, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    public static bool TryParsePriority(string? value, out ReviewPriority priority)
    {
        foreach (var candidate in Enum.GetValues<ReviewPriority>())
        {
            if (string.Equals(candidate.ToWire(), value, StringComparison.Ordinal))
            {
                priority = candidate;
                return true;
            }
        }
        priority = default;
        return false;
    }
}
