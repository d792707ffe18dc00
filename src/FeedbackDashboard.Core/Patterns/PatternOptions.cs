using System.ComponentModel.DataAnnotations;

namespace FeedbackDashboard.Core.Patterns;

/// <summary>How interactions are grouped into query patterns. Bound from the "Patterns" section.</summary>
public sealed class PatternOptions
{
    public const string SectionName = "Patterns";

    /// <summary>
    /// The cosine similarity to a pattern's representative query at which a query joins it.
    /// The default comes from `bench/run.sh patterns` (see docs/decisions/007).
    /// </summary>
    [Range(0.0, 1.0)]
    public double SimilarityThreshold { get; set; } = 0.75;
}
