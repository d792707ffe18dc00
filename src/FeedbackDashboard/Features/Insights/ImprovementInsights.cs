using FeedbackDashboard.Features.Ingestion;

namespace FeedbackDashboard.Features.Insights;

/// <summary>The design's get_improvement_insights for a window of days and optionally one source, read from the aggregates.</summary>
public sealed record ImprovementInsights(
    int Days,
    DateOnly From,
    DateOnly To,
    string? Source,
    int TotalFeedback,
    double PositiveRate,
    double? PreviousPositiveRate,
    FeedbackTypeCounts CountsByType,
    double? AverageRating,
    IReadOnlyList<int> RatingDistribution,
    IReadOnlyList<DailyInsight> Daily,
    int OpenReviewTasks,
    IReadOnlyList<CommonIssue> CommonIssues,
    IReadOnlyList<ImprovementOpportunity> ImprovementOpportunities,
    int UserCorrectionCount,
    IReadOnlyList<FeedbackDto> UserCorrections);

public sealed record FeedbackTypeCounts(int Positive, int Negative, int Correction, int Rating)
{
    public int Total => Positive + Negative + Correction + Rating;
}

/// <summary>One day of the window: counts by type and the day's positive rate (null on a day with no feedback).</summary>
public sealed record DailyInsight(DateOnly Day, int Positive, int Negative, int Correction, int Rating, int Total, double? PositiveRate);

/// <summary>A cluster of negative feedback that says the same thing, from the latest clustering run (see GET /api/v1/issues).</summary>
public sealed record CommonIssue(long IssueId, string Label, string RepresentativeText, int Frequency);

/// <summary>A pattern that costs most (negative share × volume, which is its negative count), with its active review task if any.</summary>
public sealed record ImprovementOpportunity(
    string PatternKey,
    string RepresentativeQuery,
    int NegativeCount,
    int TotalCount,
    double NegativeShare,
    long? ReviewTaskId,
    string? Priority,
    string? Status,
    string SuggestedAction);
