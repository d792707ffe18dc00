using FeedbackDashboard.Features.Realtime;

namespace FeedbackDashboard.Features.Issues;

/// <summary>
/// Tells every open page that issues changed (items joined, or a run replaced them), at most a few
/// times a second per instance however busy the pipeline is: changes that arrive while a push waits
/// are folded into it, and none is left out. The spacing is wall-clock time (TimeProvider.System),
/// not the app's clock, which tests stop.
/// </summary>
public sealed class IssueChangeBroadcaster(ReviewNotifier notifier)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    public static readonly TimeSpan MinimumSpacing = TimeSpan.FromMilliseconds(500);

    private readonly Lock _gate = new();
    private readonly HashSet<long> _pending = [];
    private bool _scheduled;
    private DateTimeOffset _lastSent = DateTimeOffset.MinValue;

    /// <param name="issueIds">The issues that grew; empty when the whole set changed.</param>
    public void Changed(IEnumerable<long> issueIds)
    {
        TimeSpan wait;
        lock (_gate)
        {
            _pending.UnionWith(issueIds);
            if (_scheduled)
            {
                return;
            }
            _scheduled = true;
            var due = _lastSent + MinimumSpacing;
            var now = Clock.GetUtcNow();
            wait = due > now ? due - now : TimeSpan.Zero;
        }
        _ = SendAfterAsync(wait);
    }

    private async Task SendAfterAsync(TimeSpan wait)
    {
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, Clock);
        }
        long[] ids;
        lock (_gate)
        {
            ids = [.. _pending.Order()];
            _pending.Clear();
            _scheduled = false;
            _lastSent = Clock.GetUtcNow();
        }
        await notifier.IssuesChangedAsync(ids);
    }
}
