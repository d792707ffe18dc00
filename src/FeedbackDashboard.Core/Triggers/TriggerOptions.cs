using System.ComponentModel.DataAnnotations;

namespace FeedbackDashboard.Core.Triggers;

/// <summary>When a query pattern is flagged for review. Bound from the "Triggers" section.</summary>
public sealed class TriggerOptions
{
    public const string SectionName = "Triggers";

    /// <summary>A review is raised when negatives / window count is strictly above this share.</summary>
    [Range(0.0, 1.0)]
    public double NegativeShareThreshold { get; set; } = 0.3;

    /// <summary>How many of the pattern's most recent feedback items are looked at.</summary>
    [Range(1, 1000)]
    public int WindowSize { get; set; } = 10;

    /// <summary>
    /// The fewest items the window must hold before the rule may fire, so that one early
    /// thumbs-down (100% negative) does not open a task on its own. See docs/decisions.
    /// </summary>
    [Range(1, 1000)]
    public int MinimumItems { get; set; } = 5;

    /// <summary>Count ratings of 1 and 2 as negative, beside thumbs-down.</summary>
    public bool CountLowRatingsAsNegative { get; set; }

    /// <summary>Ratings at or below this count as negative when <see cref="CountLowRatingsAsNegative"/> is on.</summary>
    [Range(1, 5)]
    public int LowRatingMaximum { get; set; } = 2;
}
