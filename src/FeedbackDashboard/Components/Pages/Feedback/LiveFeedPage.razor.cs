using FeedbackDashboard.Components.Shared;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Insights;
using FeedbackDashboard.Features.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace FeedbackDashboard.Components.Pages.Feedback;

/// <summary>
/// Feedback as it arrives, newest first: GET /api/v1/feedback with live updates. The filters (type,
/// source, metadata) are read in the database, so older matches show too, and kept in the address,
/// so a link (the Overview's segment values, a metadata value in a row) opens the feed filtered;
/// pushed items pass the same filter in memory. The list is capped (<see cref="Cap"/>) and
/// virtualised, pushes are rendered at most every <see cref="RenderInterval"/>, and pausing
/// buffers up to the same cap, so an hour of a busy stream does not grow the circuit.
/// </summary>
public partial class LiveFeedPage : IDisposable
{
    public const int Cap = 500;
    public const int PageSize = 200;
    private const string Any = "";
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(500);

    private List<FeedbackListItem>? _items;
    private string? _olderCursor;
    private readonly List<FeedbackDto> _incoming = [];
    private readonly List<FeedbackDto> _buffered = [];
    private readonly SortedSet<string> _sources = new(StringComparer.Ordinal);
    private readonly ArrivalRate _rate = new(TimeSpan.FromMinutes(1));
    private Throttle? _throttle;
    private IDisposable? _live;
    private bool _paused;
    private long _skipped;
    private FeedbackFilter _filter = new(Limit: PageSize);
    private string _metadataText = "";
    private string? _metadataError;
    private string? _addressError;

    [Inject] public required FeedbackSearch Search { get; set; }
    [Inject] public required InsightsReader Insights { get; set; }
    [Inject] public required LiveUpdates Live { get; set; }
    [Inject] public required NavigationManager Navigation { get; set; }
    [Inject] public required TimeProvider Time { get; set; }

    private string TypeText => _filter.Type?.ToWire() ?? Any;

    private string SourceText => _filter.Source ?? Any;

    private bool Filtered => _filter.Type is not null || _filter.Source is not null || _filter.Metadata is not null;

    private string ExportUrl => "api/v1/feedback/export?format=csv&" + (_filter with { Type = null }).ToQueryString();

    protected override async Task OnInitializedAsync()
    {
        _throttle = new Throttle(RenderInterval, () => InvokeAsync(FlushAsync), Time);
        _live = await Live.SubscribeAsync(LiveTopics.Feedback, OnLiveAsync, InvokeAsync, DispatchExceptionAsync);
        Navigation.LocationChanged += OnLocationChanged;
        _sources.UnionWith(await Insights.SourcesAsync());
        await ApplyAsync(FromAddress(), force: true);
    }

    private FeedbackFilter FromAddress()
    {
        var query = new QueryCollection(QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query));
        var (filter, errors) = FeedbackFilter.Parse(query);
        _addressError = errors.IsEmpty ? null : "The address's filter was not understood, so everything is shown: " +
            string.Join(" ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        return (filter ?? new FeedbackFilter()) with { Limit = PageSize, Before = null, From = null, To = null, HasComment = null, Rating = null };
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(async () =>
    {
        if (!IsLiveFeed(e.Location))
        {
            return; // leaving the page
        }
        try
        {
            await ApplyAsync(FromAddress(), force: false);
            StateHasChanged();
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    });

    private bool IsLiveFeed(string location)
    {
        var path = Navigation.ToBaseRelativePath(location).Split('?', '#')[0];
        return "/" + path.TrimEnd('/') == AppRoutes.LiveFeed;
    }

    private async Task ApplyAsync(FeedbackFilter filter, bool force)
    {
        if (!force && filter.ToQueryString() == _filter.ToQueryString())
        {
            return;
        }
        _filter = filter;
        _metadataText = MetadataFilterText.Format(filter.Metadata);
        _metadataError = null;
        _incoming.Clear();
        _buffered.Clear();
        var page = await Search.ListAsync(_filter);
        _items = [.. page.Items];
        _olderCursor = page.NextCursor;
        _sources.UnionWith(_items.Select(i => i.Feedback.Source));
        if (_filter.Source is { } source)
        {
            _sources.Add(source);
        }
    }

    private void Show(FeedbackFilter filter)
    {
        var query = filter.ToQueryString();
        Navigation.NavigateTo(query.Length == 0 ? AppRoutes.LiveFeed : $"{AppRoutes.LiveFeed}?{query}", replace: true);
    }

    private void SetType(string type) =>
        Show(_filter with { Type = WireNames.TryParse<FeedbackType>(type, out var parsed) ? parsed : null });

    private void SetSource(string source) => Show(_filter with { Source = source == Any ? null : source });

    private void SetMetadata(string text)
    {
        _metadataText = text;
        var (metadata, error) = MetadataFilterText.Parse(text);
        _metadataError = error;
        if (error is null)
        {
            Show(_filter with { Metadata = metadata });
        }
    }

    private void ClearFilters() => Show(new FeedbackFilter(Limit: PageSize));

    private async Task LoadOlderAsync()
    {
        if (_items is null || Cursor.Read(_olderCursor ?? "") is not { } before)
        {
            return;
        }
        var page = await Search.ListAsync(_filter with { Before = before });
        _items.AddRange(page.Items.Take(Cap - _items.Count));
        _olderCursor = _items.Count < Cap ? page.NextCursor : null;
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
            _sources.UnionWith(arrived.Select(f => f.Source));
            var described = await Search.DescribeAsync(arrived);
            var known = _items.Select(i => i.Feedback.Id).ToHashSet(StringComparer.Ordinal);
            _items.InsertRange(0, described.Where(i => i.Matches(_filter) && !known.Contains(i.Feedback.Id)).Reverse());
            if (_items.Count > Cap)
            {
                TrimTo(_items, Cap);
                _olderCursor = null; // the oldest were let go: what is older than them is in the API and the exports
            }
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

    private static void TrimTo<T>(List<T> list, int cap)
    {
        if (list.Count > cap)
        {
            list.RemoveRange(cap, list.Count - cap);
        }
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _live?.Dispose();
        _throttle?.Dispose();
    }
}
