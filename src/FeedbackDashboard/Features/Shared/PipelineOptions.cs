using System.ComponentModel.DataAnnotations;
using FeedbackDashboard.Features.Pipeline;

namespace FeedbackDashboard.Features.Shared;

/// <summary>The background pipeline after ingest. Bound from the "Pipeline" section.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>
    /// Run the pipeline on this instance. Off: an ingest-only instance, whose acknowledged feedback
    /// another instance's pipeline processes (the queue is the database).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Feedback items (and waiting interactions) taken per batch at most: one embedding call, one transaction.
    /// Under light load a batch is whatever arrived since the last one. Larger batches get through more items
    /// a second (at 2,000 mixed items a second 512 keeps up with its lag flat, 256 falls slowly behind) but hold
    /// the database longer, so acknowledgements wait more under a flood (docs/benchmarks.md).
    /// </summary>
    [Range(1, 5_000)]
    public int BatchSize { get; set; } = 512;

    /// <summary>
    /// Ids the in-memory channel holds before it stops taking more. Nothing is lost beyond it: the
    /// database is the queue, and the pipeline reads whatever is pending from there.
    /// </summary>
    [Range(1, 1_000_000)]
    public int ChannelCapacity { get; set; } = 20_000;

    /// <summary>
    /// Acknowledged items this instance's pipeline may have waiting before ingest answers 503 with
    /// Retry-After (never dropping what it took): at about 300 items/s of new questions, a minute
    /// behind at 20,000.
    /// </summary>
    [Range(100, 10_000_000)]
    public int MaxBacklog { get; set; } = 20_000;

    /// <summary>
    /// The share of its time the pipeline works while this instance acknowledges feedback more than
    /// three times as fast as the pipeline gets through a full batch: after each batch it pauses for the
    /// rest (at 0.1, nine times the batch's length, 10 s at most), leaving the cores to ingest, and
    /// catches up at full speed after the flood. 1: it never pauses. Under the default backlog limit a
    /// flood ends in seconds anyway: ingest answers 503 until the pipeline catches up (docs/benchmarks.md, ingest).
    /// </summary>
    [Range(0.01, 1.0)]
    public double FloodShare { get; set; } = 0.1;

    /// <summary>How often the pipeline looks for pending work it was not told about (another instance, a restart).</summary>
    [Range(1, 3_600)]
    public int SweepSeconds { get; set; } = 5;
}
