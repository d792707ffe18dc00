using System.ComponentModel.DataAnnotations;

namespace FeedbackDashboard.Core.Review;

/// <summary>How open review tasks are ranked and when one counts as recovering. Bound from the "Review" section.</summary>
public sealed class ReviewOptions
{
    public const string SectionName = "Review";

    /// <summary>
    /// A task is recovering when its pattern's window has stayed at or under the trigger threshold
    /// for this many items in a row, all after the task was raised.
    /// </summary>
    [Range(1, 1_000)]
    public int RecoveringAfterItems { get; set; } = 20;

    /// <summary>How often every open task's severity is assessed again (reach decays with time, not only with new feedback).</summary>
    [Range(1, 24 * 60)]
    public int SeverityRefreshMinutes { get; set; } = 5;
}
