namespace FeedbackDashboard.Features.Segments;

/// <summary>The segment keys an admin saved; one row. Without it, configuration (Segments:*) applies.</summary>
public sealed class SegmentSettings
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public List<string> Keys { get; set; } = [];
    public int MaxValues { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
