using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Pipeline;

/// <summary>
/// The bounded channel from ingest to the pipeline: the ids of committed feedback. It only wakes
/// the pipeline and counts what is in flight; the rows themselves wait in the database (ProcessedAt
/// IS NULL), so a full channel or a crash loses nothing.
/// </summary>
public sealed class PipelineSignal
{
    private readonly Channel<long> _channel;

    public PipelineSignal(IOptions<PipelineOptions> options) =>
        _channel = Channel.CreateBounded<long>(new BoundedChannelOptions(options.Value.ChannelCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });

    /// <summary>Ids announced and not yet taken by the pipeline.</summary>
    public int Queued => _channel.Reader.Count;

    /// <summary>Called after the commit that stored these items.</summary>
    public void Committed(IEnumerable<long> feedbackIds)
    {
        foreach (var id in feedbackIds)
        {
            _channel.Writer.TryWrite(id);
        }
    }

    /// <summary>Something other than feedback waits (an interaction recorded on its own).</summary>
    public void Wake() => _channel.Writer.TryWrite(0);

    /// <summary>Waits until something was announced, or the timeout passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _channel.Reader.WaitToReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The sweep interval passed.
        }
    }

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
