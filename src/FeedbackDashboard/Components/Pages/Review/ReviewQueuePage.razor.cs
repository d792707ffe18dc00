using System.Security.Claims;
using FeedbackDashboard.Components.Shared;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Features.Review;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace FeedbackDashboard.Components.Pages.Review;

public partial class ReviewQueuePage : IAsyncDisposable
{
    private const int Limit = ReviewTaskFilter.MaxPageSize;

    private IReadOnlyList<ReviewTaskDto>? _tasks;
    private HashSet<ReviewTaskDto> _selected = [];
    private IReadOnlyList<Assignee> _reviewers = [];
    private QueueScope _scope = QueueScope.Active;
    private ReviewTaskGrid? _grid;
    private ReviewTaskDetail? _detail;
    private bool _detailOpen;
    private long? _openTaskId;
    private long? _focusedId;
    private string? _userId;
    private IJSObjectReference? _keys;
    private DotNetObjectReference<ReviewQueuePage>? _self;

    [Inject] public required ReviewTaskQueries Queries { get; set; }
    [Inject] public required ReviewActions Actions { get; set; }
    [Inject] public required ReviewerDirectory Reviewers { get; set; }
    [Inject] public required IDialogService Dialogs { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required IJSRuntime JS { get; set; }

    /// <summary>Links from elsewhere (the Overview's opportunities) open a task directly.</summary>
    [SupplyParameterFromQuery(Name = "task")] public long? TaskFromLink { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _userId = (await CallerAsync()).FindFirstValue(ClaimTypes.NameIdentifier);
        _reviewers = await Reviewers.ListAsync();
        await LoadAsync();
        if (TaskFromLink is { } id)
        {
            (_focusedId, _openTaskId, _detailOpen) = (id, id, true);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _keys = await JS.InvokeAsync<IJSObjectReference?>("import", "./Components/Pages/Review/ReviewQueuePage.razor.js");
            if (_keys is not null)
            {
                _self = DotNetObjectReference.Create(this);
                await _keys.InvokeVoidAsync("listen", _self);
            }
        }
    }

    private async Task LoadAsync()
    {
        var filter = _scope switch
        {
            QueueScope.Active => new ReviewTaskFilter(ActiveOnly: true, PageSize: Limit),
            QueueScope.Open => new ReviewTaskFilter(ReviewTaskStatus.Open, PageSize: Limit),
            QueueScope.InReview => new ReviewTaskFilter(ReviewTaskStatus.InReview, PageSize: Limit),
            QueueScope.Resolved => new ReviewTaskFilter(ReviewTaskStatus.Resolved, PageSize: Limit),
            QueueScope.Dismissed => new ReviewTaskFilter(ReviewTaskStatus.Dismissed, PageSize: Limit),
            _ => new ReviewTaskFilter(PageSize: Limit),
        };
        _tasks = [.. (await Queries.ListQueueRowsAsync(filter)).Items];
        _selected = [];
    }

    private async Task SetScopeAsync(QueueScope scope)
    {
        _scope = scope;
        await LoadAsync();
    }

    private bool Accepts(ReviewTaskDto task) => _scope switch
    {
        QueueScope.Active => task.Status is ReviewTaskStatus.Open or ReviewTaskStatus.InReview,
        QueueScope.Open => task.Status == ReviewTaskStatus.Open,
        QueueScope.InReview => task.Status == ReviewTaskStatus.InReview,
        QueueScope.Resolved => task.Status == ReviewTaskStatus.Resolved,
        QueueScope.Dismissed => task.Status == ReviewTaskStatus.Dismissed,
        _ => true,
    };

    private Task OpenAsync(ReviewTaskDto task)
    {
        _focusedId = task.Id;
        _openTaskId = task.Id;
        _detailOpen = true;
        return Task.CompletedTask;
    }

    private Task OnDetailChanged(ReviewTaskDto task)
    {
        _grid?.Apply(task, created: false);
        return Task.CompletedTask;
    }

    private IReadOnlyList<ReviewTaskDto> RecoveringVisible =>
        (_grid?.Visible ?? []).Where(t => t.Recovering && t.Status is ReviewTaskStatus.Open or ReviewTaskStatus.InReview).ToList();

    /// <summary>The note a one-click resolve of a recovered pattern leaves in the task's history.</summary>
    public static string RecoveredNote(ReviewTaskDto task) =>
        $"Recovered: the pattern's last items stayed at or under the trigger threshold (negative now {Formatting.Percent(task.CurrentNegativeShare)}).";

    private async Task ResolveRecoveredAsync(ReviewTaskDto task) =>
        await ReportAsync(await Actions.ResolveAsync(await CallerAsync(), task.Id, RecoveredNote(task)), "resolved as recovered");

    private async Task ResolveAllRecoveredAsync()
    {
        var caller = await CallerAsync();
        _selected = RecoveringVisible.ToHashSet();
        await ForEachSelectedAsync(task => Actions.ResolveAsync(caller, task.Id, RecoveredNote(task)), "resolved as recovered");
    }

    private async Task AssignSelectedAsync(Assignee reviewer)
    {
        var caller = await CallerAsync();
        await ForEachSelectedAsync(task => Actions.AssignAsync(caller, task.Id, reviewer), $"assigned to {reviewer.Name}");
    }

    private async Task DismissSelectedAsync()
    {
        var reason = await NoteDialog.AskAsync(Dialogs, $"Dismiss {_selected.Count} task(s)", "Why are they not worth working on?", "Dismiss");
        if (reason is null)
        {
            return;
        }
        var caller = await CallerAsync();
        await ForEachSelectedAsync(task => Actions.DismissAsync(caller, task.Id, reason), "dismissed");
    }

    private async Task ForEachSelectedAsync(Func<ReviewTaskDto, Task<ActionOutcome<ReviewTaskDto>>> action, string done)
    {
        var succeeded = 0;
        var refused = new List<string>();
        foreach (var task in _selected.ToList())
        {
            switch (await action(task))
            {
                case ActionOutcome<ReviewTaskDto>.Done result:
                    _grid?.Apply(result.Value, created: false);
                    succeeded++;
                    break;
                case ActionOutcome<ReviewTaskDto>.Conflict conflict:
                    refused.Add($"#{task.Id}: {conflict.Message}");
                    break;
            }
        }
        _selected = [];
        Snackbar.Add($"{succeeded} task(s) {done}", Severity.Success);
        foreach (var reason in refused)
        {
            Snackbar.Add(reason, Severity.Warning);
        }
    }

    /// <summary>j/k move, Enter opens, c claims, r resolves, ? shows the keys; called by ReviewQueuePage.razor.js.</summary>
    [JSInvokable]
    public async Task OnKey(string key)
    {
        var visible = _grid?.Visible ?? [];
        var index = visible.ToList().FindIndex(t => t.Id == _focusedId);
        var focused = index >= 0 ? visible[index] : null;
        switch (key)
        {
            case "j" when visible.Count > 0:
                _focusedId = visible[Math.Min(index + 1, visible.Count - 1)].Id;
                break;
            case "k" when visible.Count > 0:
                _focusedId = visible[Math.Max(index - 1, 0)].Id;
                break;
            case "Enter" when focused is not null:
                await OpenAsync(focused);
                break;
            case "c" when focused is not null:
                await ReportAsync(await Actions.ClaimAsync(await CallerAsync(), focused.Id), "claimed");
                break;
            case "r" when focused is not null:
                var note = await NoteDialog.AskAsync(Dialogs, "Resolve", "What was done?", "Resolve");
                if (note is not null)
                {
                    await ReportAsync(await Actions.ResolveAsync(await CallerAsync(), focused.Id, note), "resolved");
                }
                break;
            case "?":
                await ShowKeysAsync();
                break;
            default:
                return;
        }
        StateHasChanged();
    }

    private Task ReportAsync(ActionOutcome<ReviewTaskDto> result, string done)
    {
        switch (result)
        {
            case ActionOutcome<ReviewTaskDto>.Done ok:
                _grid?.Apply(ok.Value, created: false);
                Snackbar.Add($"Task #{ok.Value.Id} {done}", Severity.Success);
                break;
            case ActionOutcome<ReviewTaskDto>.Conflict conflict:
                Snackbar.Add(conflict.Message, Severity.Warning);
                break;
        }
        return Task.CompletedTask;
    }

    private Task ShowKeysAsync() => Dialogs.ShowAsync<KeyboardHelpDialog>("Keyboard shortcuts");

    private static string ScopeLabel(QueueScope scope) => scope switch
    {
        QueueScope.Active => "Open or in review",
        QueueScope.InReview => "In review",
        _ => scope.ToString(),
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_keys is not null)
            {
                await _keys.InvokeVoidAsync("stop");
                await _keys.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
        }
        _self?.Dispose();
    }
}
