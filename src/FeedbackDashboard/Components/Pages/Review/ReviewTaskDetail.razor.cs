using FeedbackDashboard.Components.Shared;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Audit;
using FeedbackDashboard.Features.Changes;
using FeedbackDashboard.Features.Corrections;
using FeedbackDashboard.Features.Realtime;
using FeedbackDashboard.Features.Review;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FeedbackDashboard.Components.Pages.Review;

/// <summary>One task: what raised it, every related item with its interaction, its history, and the actions.</summary>
public partial class ReviewTaskDetail : IDisposable
{
    private IDisposable? _live;
    private const int RelatedPageSize = 50;

    private ReviewTaskDto? _task;
    private readonly List<RelatedFeedbackDto> _related = [];
    private int _relatedTotal;
    private IReadOnlyList<AuditRecord> _history = [];
    private long _loadedId;
    private string _correctionText = "";
    private RelatedFeedbackKind _kind = RelatedFeedbackKind.All;
    private int _pendingCorrections;
    private IReadOnlyList<ChangeDto> _changes = [];
    private bool _canAct;
    private CorrectionKind _correctionKind = CorrectionKind.Knowledge;

    [Inject] public required ReviewTaskQueries Queries { get; set; }
    [Inject] public required ReviewActions Actions { get; set; }
    [Inject] public required CorrectionActions Corrections { get; set; }
    [Inject] public required CorrectionQueries CorrectionQueries { get; set; }
    [Inject] public required ChangeQueries ChangeQueries { get; set; }
    [Inject] public required IDialogService Dialogs { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required TimeProvider Time { get; set; }
    [Inject] public required LiveUpdates Live { get; set; }

    [Parameter, EditorRequired] public long TaskId { get; set; }
    [Parameter] public EventCallback<ReviewTaskDto> OnChanged { get; set; }
    [Parameter] public EventCallback OnClose { get; set; }

    /// <summary>In the queue's drawer: a link to the task's own page.</summary>
    [Parameter] public bool ShowPageLink { get; set; }

    protected override async Task OnInitializedAsync() =>
        _live = await Live.SubscribeAsync(LiveTopics.Tasks, OnPushedAsync, InvokeAsync, DispatchExceptionAsync);

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId != TaskId)
        {
            _loadedId = TaskId;
            _task = null;
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var caller = await CallerAsync();
        _canAct = caller.IsInRole(AppRoles.Reviewer) || caller.IsInRole(AppRoles.Admin);
        _task = await Queries.GetAsync(TaskId);
        await LoadRelatedAsync();
        _history = await Queries.HistoryAsync(TaskId);
        _pendingCorrections = (await CorrectionQueries.ListAsync(new CorrectionFilter(CorrectionStatus.Pending, PageSize: 1, TaskId: TaskId))).TotalCount;
        _changes = await ChangeQueries.ListAsync(reviewTaskId: TaskId, limit: 20);
    }

    private async Task LoadRelatedAsync()
    {
        _related.Clear();
        var page = await Queries.RelatedAsync(TaskId, 1, RelatedPageSize, _kind);
        _related.AddRange(page?.Items ?? []);
        _relatedTotal = page?.TotalCount ?? 0;
    }

    private async Task SetKindAsync(RelatedFeedbackKind kind)
    {
        _kind = kind;
        await LoadRelatedAsync();
    }

    private async Task WriteCorrectionAsync()
    {
        var outcome = await Corrections.WriteForTaskAsync(await CallerAsync(), TaskId, _correctionText, _correctionKind.ToWire());
        if (outcome is ActionOutcome<CorrectionDto>.Done { Value: var correction })
        {
            Snackbar.Add($"Correction #{correction.Id} is in the Corrections inbox.", Severity.Success);
            _correctionText = "";
        }
        else
        {
            Snackbar.Add(outcome.Describe() ?? "Not sent.", Severity.Warning);
        }
    }

    private async Task LoadMoreAsync()
    {
        var page = await Queries.RelatedAsync(TaskId, _related.Count / RelatedPageSize + 1, RelatedPageSize, _kind);
        _related.AddRange(page?.Items ?? []);
    }

    private async Task OnPushedAsync(LiveEvent live)
    {
        if (live.Kind == LiveEventKind.TaskUpdated && live.Task!.Id == TaskId)
        {
            await LoadAsync();
            StateHasChanged();
        }
    }

    private async Task ClaimAsync() => await RunAsync(await Actions.ClaimAsync(await CallerAsync(), TaskId), "Claimed: it is yours now.");

    private async Task ReleaseAsync() => await RunAsync(await Actions.ReleaseAsync(await CallerAsync(), TaskId), "Released back to the queue.");

    private async Task ReopenAsync() => await RunAsync(await Actions.ReopenAsync(await CallerAsync(), TaskId), "Reopened.");

    private async Task ResolveAsync()
    {
        var note = await NoteDialog.AskAsync(Dialogs, "Resolve", "What was done?", "Resolve");
        if (note is not null)
        {
            await RunAsync(await Actions.ResolveAsync(await CallerAsync(), TaskId, note), "Resolved.");
        }
    }

    private async Task DismissAsync()
    {
        var reason = await NoteDialog.AskAsync(Dialogs, "Dismiss", "Why is it not worth working on?", "Dismiss");
        if (reason is not null)
        {
            await RunAsync(await Actions.DismissAsync(await CallerAsync(), TaskId, reason), "Dismissed.");
        }
    }

    private async Task RunAsync(ActionOutcome<ReviewTaskDto> result, string success)
    {
        switch (result)
        {
            case ActionOutcome<ReviewTaskDto>.Done done:
                Snackbar.Add(success, Severity.Success);
                await LoadAsync();
                await OnChanged.InvokeAsync(done.Value);
                break;
            case ActionOutcome<ReviewTaskDto>.Conflict conflict:
                Snackbar.Add(conflict.Message, Severity.Warning);
                await LoadAsync();
                break;
            case ActionOutcome<ReviewTaskDto>.NotFound:
                Snackbar.Add("This task no longer exists.", Severity.Error);
                break;
            default:
                Snackbar.Add(result.Describe() ?? "", Severity.Error);
                break;
        }
    }

    private static string HistoryVerb(string action) => action switch
    {
        ReviewAudit.Raised => "Raised",
        ReviewAudit.Claimed => "Claimed",
        ReviewAudit.Released => "Released",
        ReviewAudit.Resolved => "Resolved",
        ReviewAudit.Dismissed => "Dismissed",
        ReviewAudit.Reopened => "Reopened",
        ReviewAudit.Assigned => "Assigned",
        _ => action,
    };

    public void Dispose() => _live?.Dispose();
}
