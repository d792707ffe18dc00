using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Issues;

/// <summary>Recomputes the issue clusters in the background: at start, on a schedule, and when asked.</summary>
public sealed class IssueClusteringWorker(
    IssueClusteringService clustering,
    IOptions<ClusteringOptions> options,
    TimeProvider time,
    ILogger<IssueClusteringWorker> logger) : BackgroundService
{
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a run soon; requests made while one waits are folded into it.</summary>
    public void Request() => _requests.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RunAtStart)
        {
            Request();
        }
        var interval = options.Value.IntervalMinutes;
        using var timer = interval > 0 ? new PeriodicTimer(TimeSpan.FromMinutes(interval), time) : null;
        var ticks = timer is null ? Task.CompletedTask : TickAsync(timer, stoppingToken);

        try
        {
            while (await _requests.Reader.WaitToReadAsync(stoppingToken))
            {
                _requests.Reader.TryRead(out _);
                try
                {
                    await clustering.RunAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Issue clustering failed; it runs again at the next request or tick");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
        await ticks;
    }

    private async Task TickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Request();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
