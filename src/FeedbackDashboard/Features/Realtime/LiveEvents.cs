using System.Collections.Immutable;

namespace FeedbackDashboard.Features.Realtime;

/// <summary>
/// The instance's one fan-out of live events to its open pages (each circuit subscribes once, see
/// Components/Shared/LiveUpdates). Events come from this instance's notifier and, with Redis, from
/// the other instances through <see cref="RedisLiveEventRelay"/>. A subscriber must return at once:
/// it hands the event to its circuit's dispatcher.
/// </summary>
public sealed class LiveEvents(ILogger<LiveEvents> logger)
{
    public const string Connected = "connected";
    public const string Reconnecting = "reconnecting";

    private readonly Lock _gate = new();
    private ImmutableArray<Action<LiveEvent>> _subscribers = [];

    /// <summary>"connected", or "reconnecting" while the events of other instances cannot arrive (Redis down).</summary>
    public string State { get; private set; } = Connected;

    public event Action? StateChanged;

    public int SubscriberCount => _subscribers.Length;

    public IDisposable Subscribe(Action<LiveEvent> subscriber)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Add(subscriber);
        }
        return new Unsubscriber(this, subscriber);
    }

    public void Deliver(LiveEvent live)
    {
        foreach (var subscriber in _subscribers)
        {
            try
            {
                subscriber(live);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A page could not take the live {Event}", live.Kind);
            }
        }
    }

    internal void SetState(string state)
    {
        if (State != state)
        {
            State = state;
            StateChanged?.Invoke();
        }
    }

    private void Remove(Action<LiveEvent> subscriber)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Remove(subscriber);
        }
    }

    private sealed class Unsubscriber(LiveEvents events, Action<LiveEvent> subscriber) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                events.Remove(subscriber);
            }
        }
    }
}
