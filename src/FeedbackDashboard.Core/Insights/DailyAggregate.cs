namespace FeedbackDashboard.Core.Insights;

/// <summary>Feedback counts for one UTC day and one source, kept up to date as feedback arrives.</summary>
public sealed class DailyAggregate
{
    public DateOnly Day { get; init; }
    public required string Source { get; init; }
    public int ThumbsUp { get; set; }
    public int ThumbsDown { get; set; }
    public int Corrections { get; set; }
    public int Ratings { get; set; }
    public long RatingSum { get; set; }
    public int Rating1 { get; set; }
    public int Rating2 { get; set; }
    public int Rating3 { get; set; }
    public int Rating4 { get; set; }
    public int Rating5 { get; set; }

    public int Total => ThumbsUp + ThumbsDown + Corrections + Ratings;
}
