using System.Threading.Channels;

namespace FeedbackDashboard.Features.Shared;

public static class ChannelWaits
{
    /// <summary>
    /// Waits until the channel has something to read or the timeout passes on the app's clock
    /// (a background worker's "wake on work, else poll"). Only the caller's own token throws.
    /// </summary>
    public static async Task WaitToReadAsync<T>(this ChannelReader<T> reader, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await reader.WaitToReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The timeout passed.
        }
    }
}
