using System.Diagnostics.Metrics;
using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Pipeline;

/// <summary>
/// The pipeline's figures: as OpenTelemetry-ready instruments (meter "FeedbackDashboard.Pipeline")
/// and as a short in-memory history for the Admin page's chart. One per instance.
/// </summary>
public sealed class PipelineMetrics : IDisposable
{
    public const string MeterName = "FeedbackDashboard.Pipeline";
    private const int HistoryLength = 300;

    private readonly Meter _meter;
    private readonly Histogram<double> _lag;
    private readonly Counter<long> _processed;
    private readonly Lock _gate = new();
    private readonly Queue<PipelineBatch> _history = new();

    public PipelineMetrics(IMeterFactory meters, PipelineSignal signal)
    {
        _meter = meters.Create(MeterName);
        _lag = _meter.CreateHistogram<double>("feedback.pipeline.lag", "ms",
            "From the commit that acknowledged a feedback item to the end of its trigger check.");
        _processed = _meter.CreateCounter<long>("feedback.pipeline.processed", "{item}", "Feedback items whose pattern and triggers were processed.");
        _meter.CreateObservableGauge("feedback.pipeline.queued", () => signal.Queued, "{item}", "Ids announced to the pipeline and not yet taken.");
    }

    public event Action? Changed;

    public long ProcessedTotal { get; private set; }
    public DateTimeOffset? LastBatchAt { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>Pausing between batches for an ingest flood (<see cref="IngestFlood"/>).</summary>
    public bool GivingWayToIngest { get; private set; }

    /// <summary>Pauses for an ingest flood since start.</summary>
    public long FloodPauses { get; private set; }

    public void GivingWay(bool pausing)
    {
        lock (_gate)
        {
            GivingWayToIngest = pausing;
            FloodPauses += pausing ? 1 : 0;
        }
        Changed?.Invoke();
    }

    public void Record(PipelineBatch batch, IEnumerable<double> lagsMs)
    {
        foreach (var lag in lagsMs)
        {
            _lag.Record(lag);
        }
        _processed.Add(batch.Items);
        lock (_gate)
        {
            ProcessedTotal += batch.Items;
            LastBatchAt = batch.At;
            LastError = null;
            _history.Enqueue(batch);
            while (_history.Count > HistoryLength)
            {
                _history.Dequeue();
            }
        }
        Changed?.Invoke();
    }

    public void Failed(string error)
    {
        lock (_gate)
        {
            LastError = error;
        }
        Changed?.Invoke();
    }

    /// <summary>The latest batches, oldest first.</summary>
    public IReadOnlyList<PipelineBatch> History()
    {
        lock (_gate)
        {
            return [.. _history];
        }
    }

    public void Dispose() => _meter.Dispose();
}

/// <param name="Items">Feedback items processed.</param>
/// <param name="LagP50Ms">Median time from the item's commit to the end of its batch.</param>
/// <param name="LagMaxMs">The longest of those.</param>
/// <param name="DurationMs">How long the batch took (embedding, assignment, triggers).</param>
public sealed record PipelineBatch(DateTimeOffset At, int Items, int Interactions, double LagP50Ms, double LagMaxMs, double DurationMs);
