namespace FeedbackDashboard.Core.Insights;

public static class InsightMath
{
    /// <summary>The design's positive rate: thumbs-up over all feedback; 0 when there is none.</summary>
    public static double PositiveRate(int thumbsUp, int total) => total == 0 ? 0 : (double)thumbsUp / total;
}
