using FeedbackDashboard.Features.Ingestion;

namespace FeedbackDashboard.Features.Insights;

/// <summary>The design's get_improvement_insights, for a window of days and optionally one source.</summary>
public sealed record ImprovementInsights(
    int Days,
    DateOnly From,
    DateOnly To,
    string? Source,
    int TotalFeedback,
    double PositiveRate,
    FeedbackTypeCounts CountsByType,
    double? AverageRating,
    IReadOnlyList<CommonIssue> CommonIssues,
    IReadOnlyList<ImprovementOpportunity> ImprovementOpportunities,
    int UserCorrectionCount,
    IReadOnlyList<FeedbackDto> UserCorrections);

public sealed record FeedbackTypeCounts(int Positive, int Negative, int Correction, int Rating);

/// <summary>A query pattern that drew negative feedback in the window.</summary>
public sealed record CommonIssue(string PatternKey, string RepresentativeQuery, int NegativeCount, int TotalCount, double NegativeShare);

/// <summary>A pattern under review (open or in review), with what to do about it.</summary>
public sealed record ImprovementOpportunity(
    long ReviewTaskId,
    string PatternKey,
    string RepresentativeQuery,
    string Priority,
    string Status,
    string SuggestedAction,
    int RelatedCount,
    int NegativeCount,
    double NegativeShare);
