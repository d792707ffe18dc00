using System.Collections.Immutable;
using System.Security.Claims;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Realtime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace FeedbackDashboard.Components.Shared;

/// <summary>
/// The circuit's live events, subscribed on the server (ADR-020): one subscription to the instance's
/// <see cref="LiveEvents"/> per circuit, fanned out to the components that asked. No WebSocket of
/// its own, nothing crosses the wire but the renders. Each component's handler runs on its own
/// dispatcher (the InvokeAsync it passes); a handler that throws goes to the component's
/// DispatchExceptionAsync. Tasks reach only people the Review policy admits, the rest anyone the
/// Read policy admits, checked again whenever the circuit's user changes.
/// </summary>
public sealed class LiveUpdates(
    LiveEvents events,
    AuthenticationStateProvider authentication,
    IAuthorizationService authorization,
    TimeProvider time) : IDisposable
{
    private readonly Lock _gate = new();
    private ImmutableArray<Subscription> _subscriptions = [];
    private IDisposable? _fromInstance;
    private LiveTopics _allowed = LiveTopics.None;
    private Task? _rights;

    /// <summary>"connected", or "reconnecting" while other instances' events cannot arrive.</summary>
    public string State => events.State;

    /// <summary>Every event of these topics, in order, on the component's dispatcher.</summary>
    public async Task<IDisposable> SubscribeAsync(
        LiveTopics topics, Func<LiveEvent, Task> handler, Func<Func<Task>, Task> invokeAsync, Func<Exception, Task> dispatchException)
    {
        await EnsureRightsAsync();
        return Add(new Subscription(this, topics, live => _ = Deliver(invokeAsync, dispatchException, () => handler(live))));
    }

    /// <summary>
    /// At most one call of <paramref name="refresh"/> per <paramref name="interval"/> however many events of
    /// these topics arrive: for pages that read their figures again rather than apply each event.
    /// </summary>
    public async Task<IDisposable> SubscribeThrottledAsync(
        LiveTopics topics, TimeSpan interval, Func<Task> refresh, Func<Func<Task>, Task> invokeAsync, Func<Exception, Task> dispatchException)
    {
        await EnsureRightsAsync();
        var throttle = new Throttle(interval, () => Deliver(invokeAsync, dispatchException, refresh), time);
        return Add(new Subscription(this, topics, _ => throttle.Request(), throttle));
    }

    /// <summary>Told when <see cref="State"/> changes; the handler runs on the component's dispatcher.</summary>
    public IDisposable OnStateChanged(Func<Task> handler, Func<Func<Task>, Task> invokeAsync, Func<Exception, Task> dispatchException)
    {
        void Changed() => _ = Deliver(invokeAsync, dispatchException, handler);
        events.StateChanged += Changed;
        return new Unsubscribe(() => events.StateChanged -= Changed);
    }

    private static async Task Deliver(Func<Func<Task>, Task> invokeAsync, Func<Exception, Task> dispatchException, Func<Task> work)
    {
        try
        {
            await invokeAsync(work);
        }
        catch (Exception e)
        {
            try
            {
                await dispatchException(e);
            }
            catch (ObjectDisposedException)
            {
                // The component went away while its handler failed: nothing is left to tell.
            }
        }
    }

    private Subscription Add(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Add(subscription);
            _fromInstance ??= events.Subscribe(OnEvent);
        }
        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Remove(subscription);
        }
    }

    private void OnEvent(LiveEvent live)
    {
        var topic = live.Topic;
        if ((_allowed & topic) == 0)
        {
            return;
        }
        foreach (var subscription in _subscriptions)
        {
            if ((subscription.Topics & topic) != 0)
            {
                subscription.Receive(live);
            }
        }
    }

    private Task EnsureRightsAsync()
    {
        lock (_gate)
        {
            if (_rights is null)
            {
                authentication.AuthenticationStateChanged += OnAuthenticationChanged;
                _rights = ReadRightsAsync(authentication.GetAuthenticationStateAsync());
            }
            return _rights;
        }
    }

    private void OnAuthenticationChanged(Task<AuthenticationState> state) => _ = ReadRightsAsync(state);

    private async Task ReadRightsAsync(Task<AuthenticationState> state)
    {
        ClaimsPrincipal user;
        try
        {
            user = (await state).User;
        }
        catch (Exception)
        {
            _allowed = LiveTopics.None;
            return;
        }
        var allowed = LiveTopics.None;
        if ((await authorization.AuthorizeAsync(user, AccessPolicies.Read)).Succeeded)
        {
            allowed |= LiveTopics.Feedback | LiveTopics.Issues | LiveTopics.Evidence;
        }
        if ((await authorization.AuthorizeAsync(user, AccessPolicies.Review)).Succeeded)
        {
            allowed |= LiveTopics.Tasks;
        }
        _allowed = allowed;
    }

    public void Dispose()
    {
        _fromInstance?.Dispose();
        if (_rights is not null)
        {
            authentication.AuthenticationStateChanged -= OnAuthenticationChanged;
        }
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private sealed class Subscription(LiveUpdates owner, LiveTopics topics, Action<LiveEvent> receive, IDisposable? resources = null) : IDisposable
    {
        private volatile bool _disposed;

        public LiveTopics Topics => topics;

        public void Receive(LiveEvent live)
        {
            if (!_disposed)
            {
                receive(live);
            }
        }

        public void Dispose()
        {
            _disposed = true;
            owner.Remove(this);
            resources?.Dispose();
        }
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
