namespace FeedbackDashboard.Core.Insights;

/// <summary>
/// Feedback counts for one UTC day, one value of one aggregated metadata key (a model, a prompt
/// version) and one source, kept up to date as feedback arrives, like <see cref="DailyAggregate"/>.
/// </summary>
public sealed class SegmentDailyAggregate
{
    public const int MaxValueLength = 100;

    public required string Key { get; init; }
    public DateOnly Day { get; init; }

    /// <summary>The interaction's metadata value, or <see cref="SegmentOptions.OtherValue"/> past the cap on distinct values.</summary>
    public required string Value { get; init; }

    public required string Source { get; init; }
    public int Total { get; set; }
    public int ThumbsUp { get; set; }
    public int ThumbsDown { get; set; }
}
