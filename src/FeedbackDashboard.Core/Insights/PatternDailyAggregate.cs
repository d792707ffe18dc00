namespace FeedbackDashboard.Core.Insights;

/// <summary>Feedback counts for one UTC day, one query pattern and one source (patterns span sources).</summary>
public sealed class PatternDailyAggregate
{
    public DateOnly Day { get; init; }
    public required string PatternKey { get; init; }
    public required string Source { get; init; }
    public int Total { get; set; }
    public int ThumbsUp { get; set; }
    public int ThumbsDown { get; set; }
    public int LowRatings { get; set; }
    public int Corrections { get; set; }
}
