using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Pipeline;

/// <summary>
/// Tells the pipeline when this instance acknowledges feedback more than three times as fast as the
/// pipeline can process it. It cannot keep up then whatever it does, and competing for the cores
/// only slows the acknowledgements: it pauses between batches instead, and catches up when the
/// flood ends (the backlog limit still bounds how far behind it falls). While the pipeline keeps
/// up (its batches are not full), nothing is a flood.
/// </summary>
public sealed class IngestFlood(PipelineSignal signal, TimeProvider time)
{
    /// <summary>
    /// How much faster than the pipeline ingest must be. Well above how far a loaded machine's batch
    /// measurements swing: at a steady 2,000 items/s, which the pipeline keeps up with, full batches
    /// measured 842 to 1,800 items/s (2.4 times at worst); an ingest flood arrives at 6 to 10 times what
    /// they measure while the pipeline pauses, and still at 3.5 to 4 while it does not.
    /// </summary>
    public const double Factor = 3;

    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private long _sampledAt = time.GetTimestamp();
    private long _sampledCount = signal.Acknowledged;
    private double _arrivalsPerSecond;
    private double _capacityPerSecond;
    private bool _behind;

    /// <summary>Items a second this instance acknowledged over the last second or so.</summary>
    public double ArrivalsPerSecond
    {
        get
        {
            lock (_gate)
            {
                Sample();
                return _arrivalsPerSecond;
            }
        }
    }

    /// <summary>Items a second the pipeline gets through when it has a full batch to do (smoothed), 0 before the first.</summary>
    public double CapacityPerSecond
    {
        get
        {
            lock (_gate)
            {
                return _capacityPerSecond;
            }
        }
    }

    public bool IsFlooded
    {
        get
        {
            lock (_gate)
            {
                Sample();
                return _behind && _capacityPerSecond > 0 && _arrivalsPerSecond > Factor * _capacityPerSecond;
            }
        }
    }

    /// <summary>Called after each batch: a full one measures what the pipeline can do; a partial one means it has caught up.</summary>
    public void BatchDone(int items, bool full, TimeSpan took)
    {
        lock (_gate)
        {
            _behind = full;
            if (!full || items == 0 || took <= TimeSpan.Zero)
            {
                return;
            }
            var rate = items / took.TotalSeconds;
            _capacityPerSecond = _capacityPerSecond == 0 ? rate : 0.7 * _capacityPerSecond + 0.3 * rate;
        }
    }

    private void Sample()
    {
        var elapsed = time.GetElapsedTime(_sampledAt);
        if (elapsed < RateWindow)
        {
            return;
        }
        var count = signal.Acknowledged;
        _arrivalsPerSecond = (count - _sampledCount) / elapsed.TotalSeconds;
        _sampledAt = time.GetTimestamp();
        _sampledCount = count;
    }
}
