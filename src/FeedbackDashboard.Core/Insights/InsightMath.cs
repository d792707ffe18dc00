namespace FeedbackDashboard.Core.Insights;

public static class InsightMath
{
    /// <summary>
    /// The previous window's positive rate is compared with the current one only when it holds at
    /// least this many items: at 100 the 95% margin of a share is at most ±9.8 points.
    /// </summary>
    public const int MinimumFeedbackForChange = 100;

    /// <summary>...and when at least half of its days had feedback, so a window is never compared with a day or two of it.</summary>
    public const double MinimumDayShareForChange = 0.5;

    /// <summary>The design's positive rate: thumbs-up over all feedback (ratings and corrections count too); 0 when there is none.</summary>
    public static double PositiveRate(int thumbsUp, int total) => total == 0 ? 0 : (double)thumbsUp / total;

    /// <summary>Thumbs-up among thumbs only; null when there are no thumbs.</summary>
    public static double? ThumbsUpShare(int thumbsUp, int thumbsDown) =>
        thumbsUp + thumbsDown == 0 ? null : (double)thumbsUp / (thumbsUp + thumbsDown);

    /// <summary>Whether a previous window with this much feedback is enough to show a change against.</summary>
    public static bool EnoughForChange(int previousTotal, int previousDaysWithFeedback, int windowDays) =>
        previousTotal >= MinimumFeedbackForChange && previousDaysWithFeedback >= Math.Ceiling(MinimumDayShareForChange * windowDays);
}
