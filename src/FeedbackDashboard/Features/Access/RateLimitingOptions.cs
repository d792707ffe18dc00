using System.ComponentModel.DataAnnotations;

namespace FeedbackDashboard.Features.Access;

/// <summary>Bound from "RateLimiting".</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>
    /// Ingest requests per second each API key may make (a batch counts once); bursts up to twice
    /// that are absorbed. 0 turns the limit off.
    /// </summary>
    [Range(0, 1_000_000)]
    public int IngestPermitsPerSecond { get; set; } = 1_000;

    /// <summary>Feedback posts an end user's feedback token may make a minute: a person clicks a few times; a script does not get far.</summary>
    [Range(1, 10_000)]
    public int FeedbackTokenPermitsPerMinute { get; set; } = 20;
}
