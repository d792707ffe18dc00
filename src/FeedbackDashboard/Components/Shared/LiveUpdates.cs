using System.Text.Json;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Realtime;
using FeedbackDashboard.Features.Review;
using Microsoft.JSInterop;

namespace FeedbackDashboard.Components.Shared;

/// <summary>
/// The circuit's window on /hubs/review: the browser's SignalR client (wwwroot/js/live-updates.js)
/// hands each event to this object, which raises it to the components that subscribed. Scoped:
/// one per circuit, started by the first component that needs it after rendering.
/// </summary>
public sealed class LiveUpdates(IJSRuntime js, ILogger<LiveUpdates> logger) : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IJSObjectReference? _module;
    private DotNetObjectReference<LiveUpdates>? _self;
    private int? _subscription;
    private Task? _starting;
    private int _liveFeedMembers;

    public event Func<ReviewTaskDto, Task>? TaskCreated;
    public event Func<ReviewTaskDto, Task>? TaskUpdated;
    public event Func<FeedbackDto, Task>? FeedbackReceived;
    public event Func<int, Task>? FeedbackSkipped;
    public event Func<IssuesChangedEvent, Task>? IssuesChanged;
    public event Func<string, Task>? ConnectionChanged;

    /// <summary>"connecting", "connected", "reconnecting" or "disconnected".</summary>
    public string State { get; private set; } = "connecting";

    /// <summary>Connects once; later calls wait for the same start. Call from OnAfterRenderAsync.</summary>
    public Task StartAsync() => _starting ??= StartCoreAsync();

    /// <summary>Receive FeedbackReceived; counted, so two components on a page can each join and leave.</summary>
    public async Task JoinLiveFeedAsync()
    {
        await StartAsync();
        if (Interlocked.Increment(ref _liveFeedMembers) == 1 && _module is not null)
        {
            await _module.InvokeVoidAsync("joinLiveFeed");
        }
    }

    public async Task LeaveLiveFeedAsync()
    {
        if (Interlocked.Decrement(ref _liveFeedMembers) == 0 && _module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("leaveLiveFeed");
            }
            catch (JSDisconnectedException)
            {
                // The page is closing: the connection goes with it.
            }
        }
    }

    [JSInvokable]
    public async Task OnEvent(string name, JsonElement payload)
    {
        try
        {
            await (name switch
            {
                "ReviewTaskCreated" => RaiseAsync(TaskCreated, payload.Deserialize<ReviewTaskDto>(Json)!),
                "ReviewTaskUpdated" => RaiseAsync(TaskUpdated, payload.Deserialize<ReviewTaskDto>(Json)!),
                "FeedbackReceived" => RaiseAsync(FeedbackReceived, payload.Deserialize<FeedbackDto>(Json)!),
                "FeedbackSkipped" => RaiseAsync(FeedbackSkipped, payload.GetInt32()),
                "IssuesChanged" => RaiseAsync(IssuesChanged, payload.Deserialize<IssuesChangedEvent>(Json)!),
                _ => Task.CompletedTask,
            });
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not read the pushed {Event}", name);
        }
    }

    [JSInvokable]
    public Task OnConnectionChanged(string state)
    {
        State = state;
        return RaiseAsync(ConnectionChanged, state);
    }

    private async Task StartCoreAsync()
    {
        _module = await js.InvokeAsync<IJSObjectReference?>("import", "./js/live-updates.js");
        if (_module is null)
        {
            return; // no browser behind this renderer (prerendering, or a test host)
        }
        _self = DotNetObjectReference.Create(this);
        _subscription = await _module.InvokeAsync<int>("subscribe", _self);
    }

    private static async Task RaiseAsync<T>(Func<T, Task>? handlers, T value)
    {
        if (handlers is null)
        {
            return;
        }
        foreach (var handler in handlers.GetInvocationList().Cast<Func<T, Task>>())
        {
            await handler(value);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_module is not null)
            {
                if (_subscription is { } id)
                {
                    await _module.InvokeVoidAsync("unsubscribe", id);
                }
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone: nothing to unsubscribe from.
        }
        _self?.Dispose();
    }
}
