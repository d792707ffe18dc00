using System.ComponentModel.DataAnnotations;

namespace FeedbackDashboard.Features.Changes;

/// <summary>How a published change is judged (docs/decisions/ADR-014).</summary>
public sealed class ChangeOptions
{
    public const string SectionName = "Changes";

    /// <summary>N: the items before and the items after the change that are compared.</summary>
    [Range(5, 10_000)]
    public int ItemsEachSide { get; set; } = 100;

    /// <summary>The time cap: items older than this before the change, or later than this after it, do not count; past it, the change is judged on what came.</summary>
    [Range(1, 365)]
    public int MaxDays { get; set; } = 14;

    /// <summary>How often the verdict worker looks at the changes still collecting.</summary>
    [Range(1, 3_600)]
    public int CheckSeconds { get; set; } = 5;
}
