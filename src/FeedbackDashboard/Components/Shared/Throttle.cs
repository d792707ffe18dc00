namespace FeedbackDashboard.Components.Shared;

/// <summary>
/// Runs an action at most once per interval however often it is requested: a burst of pushes
/// becomes one render. The first request of a quiet period runs after one interval.
/// </summary>
public sealed class Throttle(TimeSpan interval, Func<Task> action, TimeProvider time) : IDisposable
{
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private bool _pending;

    public void Request()
    {
        lock (_gate)
        {
            if (_pending)
            {
                return;
            }
            _pending = true;
            _timer ??= time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer.Change(interval, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire()
    {
        lock (_gate)
        {
            _pending = false;
        }
        _ = action();
    }

    public void Dispose() => _timer?.Dispose();
}
