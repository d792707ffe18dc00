using System.Threading.Channels;
using FeedbackDashboard.Features.Pipeline;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Shared;

/// <summary>
/// The bounded channel from ingest to the pipeline: the ids of committed feedback. It only wakes
/// the pipeline and counts what is in flight; the rows themselves wait in the database (ProcessedAt
/// IS NULL), so a full channel or a crash loses nothing.
/// </summary>
public sealed class PipelineSignal
{
    private readonly Channel<long> _channel;
    private readonly IOptionsMonitor<PipelineOptions> _options;
    private long _backlog;
    private long _acknowledged;

    public PipelineSignal(IOptionsMonitor<PipelineOptions> options)
    {
        _options = options;
        _channel = Channel.CreateBounded<long>(new BoundedChannelOptions(options.CurrentValue.ChannelCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
    }

    /// <summary>Items this instance acknowledged that its pipeline has not processed yet.</summary>
    public long Backlog => Interlocked.Read(ref _backlog);

    /// <summary>Items this instance acknowledged since it started.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Too far behind to take more feedback: ingest answers 503 until the pipeline catches up.</summary>
    public bool IsSaturated => _options.CurrentValue.Enabled && Backlog >= _options.CurrentValue.MaxBacklog;

    /// <summary>Raised after each processed batch: whatever judges recent feedback (alert rules, change verdicts) looks again.</summary>
    public event Action? BatchProcessed;

    /// <summary>Called by the pipeline after a batch.</summary>
    public void Processed(int count)
    {
        if (Interlocked.Add(ref _backlog, -count) < 0)
        {
            Interlocked.Exchange(ref _backlog, 0); // items another instance acknowledged
        }
        if (count > 0)
        {
            BatchProcessed?.Invoke();
        }
    }

    /// <summary>Ids announced and not yet taken by the pipeline.</summary>
    public int Queued => _channel.Reader.Count;

    /// <summary>Called after the commit that stored these items.</summary>
    public void Committed(IEnumerable<long> feedbackIds)
    {
        var count = 0;
        foreach (var id in feedbackIds)
        {
            Interlocked.Increment(ref _backlog);
            _channel.Writer.TryWrite(id);
            count++;
        }
        Interlocked.Add(ref _acknowledged, count);
    }

    /// <summary>Something other than feedback waits (an interaction recorded on its own).</summary>
    public void Wake() => _channel.Writer.TryWrite(0);

    /// <summary>Waits until something was announced, or the timeout passes.</summary>
    public Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) =>
        _channel.Reader.WaitToReadAsync(timeout, time, cancellationToken);

    /// <summary>Empties the channel: the pipeline then takes everything pending from the database.</summary>
    public int Drain()
    {
        var count = 0;
        while (_channel.Reader.TryRead(out _))
        {
            count++;
        }
        return count;
    }
}
