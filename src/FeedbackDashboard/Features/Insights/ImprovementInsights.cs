using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Features.Feedback;

namespace FeedbackDashboard.Features.Insights;

/// <summary>
/// The design's get_improvement_insights for a window of days and optionally one source, read from
/// the aggregates. Every figure honours both the window and the source.
/// </summary>
/// <param name="PositiveRate">The design's: thumbs-up over all feedback (ratings and corrections are in the denominator).</param>
/// <param name="ThumbsUpShare">Thumbs-up among thumbs (up and down) only; null with no thumbs.</param>
/// <param name="PreviousPositiveRate">The positive rate of the window of the same length just before; null when it had no feedback.</param>
/// <param name="PreviousTotalFeedback">The feedback of that previous window.</param>
/// <param name="PositiveRateChange">PositiveRate minus PreviousPositiveRate, only when the previous window had enough feedback to compare with (InsightMath); else null.</param>
/// <param name="OpenReviewTasks">Review tasks raised in the window (on the source's feedback) that are still open or in review.</param>
/// <param name="PendingCorrections">Corrections sent in the window (by the source's users) still waiting for a decision: items, not groups.</param>
/// <param name="NegativeInIssues">How many of the window's thumbs-down and corrections are in a common issue.</param>
/// <param name="UserCorrectionCount">Every correction sent in the window, decided or not.</param>
public sealed record ImprovementInsights(
    int Days,
    DateOnly From,
    DateOnly To,
    string? Source,
    int TotalFeedback,
    double PositiveRate,
    double? ThumbsUpShare,
    double? PreviousPositiveRate,
    int PreviousTotalFeedback,
    double? PositiveRateChange,
    FeedbackTypeCounts CountsByType,
    double? AverageRating,
    IReadOnlyList<int> RatingDistribution,
    IReadOnlyList<DailyInsight> Daily,
    int OpenReviewTasks,
    int PendingCorrections,
    int NegativeInIssues,
    IReadOnlyList<CommonIssue> CommonIssues,
    IReadOnlyList<ImprovementOpportunity> ImprovementOpportunities,
    int UserCorrectionCount,
    IReadOnlyList<FeedbackDto> UserCorrections);

public sealed record FeedbackTypeCounts(int Positive, int Negative, int Correction, int Rating)
{
    public int Total => Positive + Negative + Correction + Rating;
}

/// <summary>One day of the window: counts by type, the day's positive rate and thumbs-up share (null on a day without).</summary>
public sealed record DailyInsight(DateOnly Day, int Positive, int Negative, int Correction, int Rating, int Total, double? PositiveRate, double? ThumbsUpShare);

/// <summary>A cluster of negative feedback that says the same thing, with its frequency in the window and source (see GET /api/v1/issues).</summary>
public sealed record CommonIssue(long IssueId, string Label, string RepresentativeText, int Frequency);

/// <summary>A pattern that costs most in the window and source (its negative count there), with its active review task if any.</summary>
public sealed record ImprovementOpportunity(
    string PatternKey,
    string RepresentativeQuery,
    int NegativeCount,
    int TotalCount,
    double NegativeShare,
    long? ReviewTaskId,
    ReviewPriority? Priority,
    ReviewTaskStatus? Status,
    string SuggestedAction);
