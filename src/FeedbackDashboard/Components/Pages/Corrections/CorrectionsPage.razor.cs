using FeedbackDashboard.Components.Shared;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Corrections;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FeedbackDashboard.Components.Pages.Corrections;

/// <summary>
/// The corrections inbox: one row per group of near-identical corrections (its newest), filtered by
/// status and kind, selected for bulk decisions (which take each row's group along), opened in a
/// drawer to edit and decide.
/// </summary>
public partial class CorrectionsPage
{
    private const int PageSize = 50;
    /// <summary>The filter's choices in a reviewer's order; null is every status.</summary>
    private static readonly CorrectionStatus?[] Statuses =
        [CorrectionStatus.Pending, CorrectionStatus.Approved, CorrectionStatus.Applied, CorrectionStatus.Rejected, null];

    private CorrectionStatus? _status = CorrectionStatus.Pending;
    private CorrectionKind? _kind;
    private int _pageNumber = 1;
    private PagedList<CorrectionDto>? _page;
    private HashSet<CorrectionDto> _selected = [];
    private long? _openId;
    private bool _detailOpen;

    /// <summary>Links from a review task open its corrections (every one of them, not one a group).</summary>
    [SupplyParameterFromQuery(Name = "task")] public long? TaskId { get; set; }

    [Inject] public required NavigationManager Navigation { get; set; }
    [Inject] public required CorrectionQueries Queries { get; set; }
    [Inject] public required CorrectionActions Actions { get; set; }
    [Inject] public required IDialogService Dialogs { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required TimeProvider Time { get; set; }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private void ClearTask() => Navigation.NavigateTo(AppRoutes.Corrections);

    private async Task LoadAsync()
    {
        _page = await Queries.ListAsync(new CorrectionFilter(_status, _kind, Page: _pageNumber, PageSize: PageSize, Grouped: TaskId is null, TaskId: TaskId));
        var ids = _page.Items.Select(c => c.Id).ToHashSet();
        _selected = _page.Items.Where(c => _selected.Any(x => x.Id == c.Id)).ToHashSet();
        _selected.RemoveWhere(c => !ids.Contains(c.Id));
    }

    private async Task OnStatusChangedAsync(CorrectionStatus? status)
    {
        (_status, _pageNumber) = (status, 1);
        _selected.Clear();
        await LoadAsync();
    }

    private async Task OnKindChangedAsync(CorrectionKind? kind)
    {
        (_kind, _pageNumber) = (kind, 1);
        await LoadAsync();
    }

    private async Task OnPageChangedAsync(int page)
    {
        _pageNumber = page;
        await LoadAsync();
    }

    private void Open(long id) => (_openId, _detailOpen) = (id, true);

    private Task OnDetailChangedAsync() => LoadAsync();

    private async Task BulkAsync(CorrectionAction action)
    {
        string? reason = null;
        if (action == CorrectionAction.Reject)
        {
            reason = await NoteDialog.AskAsync(Dialogs, $"Reject {_selected.Count} correction(s)", "Why are they rejected?", "Reject");
            if (reason is null)
            {
                return;
            }
        }
        var outcome = await Actions.BulkAsync(await CallerAsync(), _selected.Select(c => c.Id).ToList(), action, reason, withGroup: true);
        if (outcome is ActionOutcome<IReadOnlyList<BulkOutcome>>.Done { Value: var results })
        {
            var failed = results.Where(r => !r.Done).ToList();
            Snackbar.Add(failed.Count == 0
                    ? $"{results.Count} correction(s): {action.ToString().ToLowerInvariant()} done."
                    : $"{results.Count - failed.Count} done; {failed.Count} not: {failed[0].Error}",
                failed.Count == 0 ? Severity.Success : Severity.Warning);
            _selected.Clear();
        }
        else
        {
            Snackbar.Add(outcome.Describe() ?? "Not done.", Severity.Error);
        }
        await LoadAsync();
    }

    private static string Label(CorrectionStatus? status) => status is { } s ? s.ToString() : "All";

    private static string? Shorten(string? text, int length = 160) =>
        text is null || text.Length <= length ? text : text[..(length - 1)] + "…";
}
