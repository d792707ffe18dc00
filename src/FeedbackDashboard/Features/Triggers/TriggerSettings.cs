namespace FeedbackDashboard.Features.Triggers;

/// <summary>The trigger options an admin saved; one row. Without it, configuration applies.</summary>
public sealed class TriggerSettings
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public double NegativeShareThreshold { get; set; }
    public int WindowSize { get; set; }
    public int MinimumItems { get; set; }
    public bool CountLowRatingsAsNegative { get; set; }
    public int LowRatingMaximum { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
