using FeedbackDashboard.Components.Shared;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Patterns;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Features.Realtime;
using FeedbackDashboard.Features.Review;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FeedbackDashboard.Components.Pages.Review;

/// <summary>
/// The queue's grid: filters in memory, applies pushed tasks (a new one on top and highlighted,
/// an update in place), and renders a burst of pushes at most <see cref="RenderInterval"/> apart.
/// </summary>
public partial class ReviewTaskGrid : ComponentBase, IHandleEvent, IDisposable
{
    public const string AnyValue = "";
    public static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan HighlightFor = TimeSpan.FromSeconds(8);
    private static readonly string[] Priorities = [AnyValue, ReviewPriority.High.ToWire(), ReviewPriority.Medium.ToWire()];

    private readonly List<ReviewTaskDto> _tasks = [];
    private readonly Dictionary<long, DateTimeOffset> _fresh = [];
    private readonly List<ReviewTaskDto> _pendingCreated = [];
    private List<ReviewTaskDto> _view = [];
    private HashSet<long> _selectedIds = [];
    private QueueColumn? _sortColumn;
    private bool _sortDescending;
    private Throttle? _throttle;
    private IDisposable? _live;
    private string _search = "";
    private string _priority = AnyValue;
    private string _source = AnyValue;
    private bool _mineOnly;
    private IReadOnlyList<ReviewTaskDto>? _loaded;

    [Inject] public required TimeProvider Time { get; set; }
    [Inject] public required LiveUpdates Live { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }

    /// <summary>The tasks loaded for the chosen status scope; pushes are added to them.</summary>
    [Parameter, EditorRequired] public required IReadOnlyList<ReviewTaskDto> Tasks { get; set; }

    /// <summary>Which pushed tasks belong in this view (the page's status scope).</summary>
    [Parameter] public Func<ReviewTaskDto, bool> Accepts { get; set; } = _ => true;

    [Parameter] public string? CurrentUserId { get; set; }
    [Parameter] public HashSet<ReviewTaskDto> SelectedItems { get; set; } = [];
    [Parameter] public EventCallback<HashSet<ReviewTaskDto>> SelectedItemsChanged { get; set; }
    [Parameter] public EventCallback<ReviewTaskDto> OnOpen { get; set; }

    /// <summary>A recovering task's one-click resolve; without it, the row only marks it.</summary>
    [Parameter] public EventCallback<ReviewTaskDto> OnResolveRecovered { get; set; }

    /// <summary>The row the keyboard is on (j/k), highlighted.</summary>
    [Parameter] public long? FocusedId { get; set; }

    [Parameter] public RenderFragment? ToolbarContent { get; set; }

    /// <summary>Render only the rows in view (on by default; a test host without layout turns it off).</summary>
    [Parameter] public bool Virtualize { get; set; } = true;

    /// <summary>What passes the filters, in the order shown: the chosen column's, else most severe first (ties newest first), pushes included.</summary>
    public IReadOnlyList<ReviewTaskDto> Visible => _view;

    protected override async Task OnInitializedAsync()
    {
        _throttle = new Throttle(RenderInterval, () => InvokeAsync(Flush), Time);
        _live = await Live.SubscribeAsync(LiveTopics.Tasks, OnLiveAsync, InvokeAsync, DispatchExceptionAsync);
    }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_loaded, Tasks))
        {
            _loaded = Tasks;
            _tasks.Clear();
            _tasks.AddRange(Tasks.Select(t => t.AsQueueRow()));
        }
        _selectedIds = SelectedItems.Select(t => t.Id).ToHashSet();
        UpdateView();
    }

    /// <summary>Filters and sorts the tasks into the rows to draw; called before each render of this component.</summary>
    private void UpdateView()
    {
        var visible = _tasks
            .Where(t => _priority == AnyValue || t.Priority.ToWire() == _priority)
            .Where(t => _source == AnyValue || t.Source == _source)
            .Where(t => !_mineOnly || (CurrentUserId is not null && t.AssigneeId == CurrentUserId))
            .Where(t => _search.Length == 0
                || t.RepresentativeQuery.Contains(_search, StringComparison.OrdinalIgnoreCase)
                || t.PatternKey.Contains(_search, StringComparison.OrdinalIgnoreCase));
        visible = _sortColumn is { } column
            ? _sortDescending ? visible.OrderByDescending(column.SortKey) : visible.OrderBy(column.SortKey)
            : visible.OrderByDescending(t => t.Severity).ThenByDescending(t => t.Id);
        _view = visible.ToList();
    }

    /// <summary>How often this component has rendered: a burst of pushes renders it once, not once a push.</summary>
    public int OwnRenders { get; private set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        OwnRenders++;
    }

    /// <summary>Puts a task pushed or changed here into the list: replaced in place, or new on top.</summary>
    public void Apply(ReviewTaskDto task, bool created)
    {
        var index = _tasks.FindIndex(t => t.Id == task.Id);
        if (index >= 0)
        {
            _tasks[index] = task.AsQueueRow();
        }
        else if (Accepts(task))
        {
            _tasks.Insert(0, task.AsQueueRow());
            if (created)
            {
                _fresh[task.Id] = Time.GetUtcNow() + HighlightFor;
                _pendingCreated.Add(task);
            }
        }
    }

    private Task OnLiveAsync(LiveEvent live) => Enqueue(live.Task!, created: live.Kind == LiveEventKind.TaskCreated);

    private Task Enqueue(ReviewTaskDto task, bool created)
    {
        // Live events arrive on the circuit's dispatcher; the list changes at once, the render waits for the throttle.
        Apply(task, created);
        _throttle!.Request();
        return Task.CompletedTask;
    }

    private void Flush()
    {
        var now = Time.GetUtcNow();
        foreach (var expired in _fresh.Where(f => f.Value <= now).Select(f => f.Key).ToList())
        {
            _fresh.Remove(expired);
        }
        if (_pendingCreated.Count == 1)
        {
            Snackbar.Add($"New review task: {_pendingCreated[0].RepresentativeQuery}", Severity.Warning);
        }
        else if (_pendingCreated.Count > 1)
        {
            Snackbar.Add($"{_pendingCreated.Count} new review tasks", Severity.Warning);
        }
        _pendingCreated.Clear();
        UpdateView();
        StateHasChanged();
    }

    /// <summary>
    /// Renders when its own state changes (each handler says so), not after every event: a burst
    /// of pushes must not drive it.
    /// </summary>
    Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? arg) => callback.InvokeAsync(arg);

    private string RowClass(ReviewTaskDto task) =>
        "mud-table-row" + (_fresh.ContainsKey(task.Id) ? " fd-row-new" : "") + (task.Id == FocusedId ? " fd-row-focused" : "");

    private void SetSearch(string? value) => Refilter(() => _search = value?.Trim() ?? "");

    private IEnumerable<string> Sources => _tasks.Select(t => t.Source).Distinct().Order().Prepend(AnyValue);

    private static string AnyOr(string value) => value == AnyValue ? "any" : value;

    private void SetPriority(string value) => Refilter(() => _priority = value);

    private void SetSource(string value) => Refilter(() => _source = value);

    private void SetMineOnly(bool value) => Refilter(() => _mineOnly = value);

    private void Refilter(Action change)
    {
        change();
        UpdateView();
        StateHasChanged();
    }

    /// <summary>A header click sorts by its column ascending, then descending, then back to severity.</summary>
    private void SortBy(QueueColumn column) => Refilter(() =>
    {
        (_sortColumn, _sortDescending) = (_sortColumn == column, _sortDescending) switch
        {
            (false, _) => (column, false),
            (true, false) => (column, true),
            (true, true) => ((QueueColumn?)null, false),
        };
    });

    private string? AriaSort(QueueColumn column) =>
        _sortColumn != column ? null : _sortDescending ? "descending" : "ascending";

    private string SortIconClass(QueueColumn column) =>
        "mud-table-sort-label-icon" + (_sortColumn != column ? "" : _sortDescending ? " mud-direction-desc" : " mud-direction-asc");

    private bool AllSelected => _view.Count > 0 && _view.All(t => _selectedIds.Contains(t.Id));

    private Task ToggleAll() =>
        ChangeSelection(AllSelected ? [] : _view.ToHashSet());

    private Task Toggle(ReviewTaskDto task) => ChangeSelection(_selectedIds.Contains(task.Id)
        ? SelectedItems.Where(t => t.Id != task.Id).ToHashSet()
        : SelectedItems.Append(task).ToHashSet());

    private Task ChangeSelection(HashSet<ReviewTaskDto> items)
    {
        SelectedItems = items;
        _selectedIds = items.Select(t => t.Id).ToHashSet();
        StateHasChanged();
        return SelectedItemsChanged.InvokeAsync(items);
    }

    private static bool IsApplicationKey(ReviewTaskDto task) => !PatternKeys.IsFromQuery(task.PatternKey);

    public void Dispose()
    {
        _live?.Dispose();
        _throttle?.Dispose();
    }
}
