using System.ComponentModel.DataAnnotations;

namespace FeedbackDashboard.Features.Operations;

/// <summary>How long raw feedback is kept. Bound from the "Retention" section.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Raw feedback (and interactions left without any) older than this many days is deleted; 0 keeps everything. The daily aggregates stay.</summary>
    [Range(0, 36_500)]
    public int FeedbackDays { get; set; }

    /// <summary>Rows deleted per statement, so that no transaction holds the database for long.</summary>
    [Range(10, 100_000)]
    public int BatchSize { get; set; } = 1_000;

    [Range(1, 24 * 60)]
    public int IntervalMinutes { get; set; } = 60;
}
