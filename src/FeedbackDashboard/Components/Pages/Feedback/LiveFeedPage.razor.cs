using FeedbackDashboard.Components.Shared;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Ingestion;
using FeedbackDashboard.Features.Realtime;
using Microsoft.AspNetCore.Components;

namespace FeedbackDashboard.Components.Pages.Feedback;

/// <summary>
/// Feedback as it arrives, newest first. The list is capped (<see cref="Cap"/>) and virtualised,
/// pushes are rendered at most every <see cref="RenderInterval"/>, and pausing buffers up to the
/// same cap, so an hour of a busy stream does not grow the circuit.
/// </summary>
public partial class LiveFeedPage : IDisposable
{
    public const int Cap = 500;
    private const string Any = "";
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(500);

    private List<RecentFeedback>? _items;
    private readonly List<FeedbackDto> _incoming = [];
    private readonly List<FeedbackDto> _buffered = [];
    private readonly HashSet<string> _sources = [];
    private readonly ArrivalRate _rate = new(TimeSpan.FromMinutes(1));
    private Throttle? _throttle;
    private IDisposable? _live;
    private bool _paused;
    private long _skipped;
    private string _type = Any;
    private string _source = Any;

    [Inject] public required FeedbackQueries Feedback { get; set; }
    [Inject] public required LiveUpdates Live { get; set; }
    [Inject] public required TimeProvider Time { get; set; }

    private IReadOnlyList<RecentFeedback> Visible => (_items ?? [])
        .Where(i => _type == Any || i.Feedback.Type.ToWire() == _type)
        .Where(i => _source == Any || i.Feedback.Source == _source)
        .ToList();

    protected override async Task OnInitializedAsync()
    {
        _throttle = new Throttle(RenderInterval, () => InvokeAsync(FlushAsync), Time);
        _live = await Live.SubscribeAsync(LiveTopics.Feedback, OnLiveAsync, InvokeAsync, DispatchExceptionAsync);
        _items = [.. await Feedback.RecentAsync(FeedbackQueries.MaxRecent)];
        _sources.UnionWith(_items.Select(i => i.Feedback.Source));
    }

    private Task OnLiveAsync(LiveEvent live) => live.Kind == LiveEventKind.FeedbackSkipped ? OnSkipped(live.Skipped) : OnFeedback(live.Feedback!);

    private Task OnFeedback(FeedbackDto feedback)
    {
        _rate.Add(Time.GetUtcNow());
        (_paused ? _buffered : _incoming).Add(feedback);
        TrimTo(_buffered, Cap);
        _throttle!.Request();
        return Task.CompletedTask;
    }

    private Task OnSkipped(int count)
    {
        _skipped += count;
        _rate.Add(Time.GetUtcNow(), count);
        _throttle!.Request();
        return Task.CompletedTask;
    }

    private async Task FlushAsync()
    {
        if (_incoming.Count > 0 && _items is not null)
        {
            var arrived = _incoming.ToList();
            _incoming.Clear();
            var queries = await Feedback.QueriesAsync(arrived.Select(f => f.InteractionId).Distinct().ToList());
            _items.InsertRange(0, arrived.AsEnumerable().Reverse().Select(f => new RecentFeedback(f, queries.GetValueOrDefault(f.InteractionId, ""))));
            TrimTo(_items, Cap);
            _sources.UnionWith(arrived.Select(f => f.Source));
        }
        StateHasChanged();
    }

    private void TogglePause()
    {
        _paused = !_paused;
        if (!_paused)
        {
            _incoming.AddRange(_buffered);
            _buffered.Clear();
            _throttle!.Request();
        }
    }

    private void SetType(string type) => _type = type;

    private void SetSource(string source) => _source = source;

    private static void TrimTo<T>(List<T> list, int cap)
    {
        if (list.Count > cap)
        {
            list.RemoveRange(cap, list.Count - cap);
        }
    }

    public void Dispose()
    {
        _live?.Dispose();
        _throttle?.Dispose();
    }
}
