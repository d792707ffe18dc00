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
    /// While this instance acknowledges feedback more than twice as fast as its pipeline can process
    /// it, the pipeline waits this long between batches, leaving the cores to ingest, and catches up
    /// after the flood. 0: it never pauses. One batch a second keeps triggers firing during a flood,
    /// late; the backlog limit bounds how late (docs/benchmarks.md, ingest).
    /// </summary>
    [Range(0, 60_000)]
    public int FloodPauseMilliseconds { get; set; } = 1_000;

    /// <summary>How often the pipeline looks for pending work it was not told about (another instance, a restart).</summary>
    [Range(1, 3_600)]
    public int SweepSeconds { get; set; } = 5;
}
