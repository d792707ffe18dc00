using FeedbackDashboard.Components.Shared;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Audit;
using FeedbackDashboard.Features.Corrections;
using FeedbackDashboard.Features.Knowledge;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FeedbackDashboard.Components.Pages.Corrections;

/// <summary>One correction: what was asked and answered, the text to edit, its kind and entry, the decisions, its history.</summary>
public partial class CorrectionDetail
{
    private CorrectionDto? _correction;
    private IReadOnlyList<KnowledgeEntryDto> _entries = [];
    private IReadOnlyList<AuditRecordDto> _history = [];
    private string _text = "";
    private CorrectionKind _kind = CorrectionKind.Knowledge;
    private long _entryId;
    private long _loadedId;
    private bool _withGroup = true;

    [Inject] public required CorrectionQueries Queries { get; set; }
    [Inject] public required CorrectionActions Actions { get; set; }
    [Inject] public required KnowledgeQueries Knowledge { get; set; }
    [Inject] public required AuditQueries Audit { get; set; }
    [Inject] public required IDialogService Dialogs { get; set; }
    [Inject] public required ISnackbar Snackbar { get; set; }
    [Inject] public required TimeProvider Time { get; set; }

    [Parameter, EditorRequired] public long CorrectionId { get; set; }
    [Parameter] public EventCallback OnChanged { get; set; }
    [Parameter] public EventCallback OnClose { get; set; }

    private bool Changed => _correction is not null
        && (_text.Trim() != _correction.Text || _kind != _correction.Kind || _entryId != (_correction.KnowledgeEntryId ?? 0));

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId != CorrectionId)
        {
            _loadedId = CorrectionId;
            _correction = null;
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _correction = await Queries.GetAsync(CorrectionId);
        if (_correction is null)
        {
            return;
        }
        (_text, _kind, _entryId) = (_correction.Text, _correction.Kind, _correction.KnowledgeEntryId ?? 0);
        _entries = (await Knowledge.ListAsync()).Where(e => e.Source is null || e.Source == _correction.Source).ToList();
        _history = (await Audit.ListAsync(new AuditFilter(Subject: CorrectionActions.Subject(CorrectionId), PageSize: 100))).Items.Reverse().ToList();
    }

    private CorrectionEdit? PendingEdit() => Changed
        ? new CorrectionEdit(
            _text.Trim() != _correction!.Text ? _text : null,
            _kind != _correction.Kind ? _kind.ToWire() : null,
            _entryId != (_correction.KnowledgeEntryId ?? 0) ? _entryId : null)
        : null;

    private async Task SaveAsync()
    {
        if (PendingEdit() is { } edit)
        {
            await ReportAsync(await Actions.EditAsync(await CallerAsync(), CorrectionId, edit), "Saved.");
        }
    }

    /// <summary>Saves what was changed (kind, entry) and approves with the text as it stands.</summary>
    private async Task ApproveAsync()
    {
        var caller = await CallerAsync();
        if (PendingEdit() is { Kind: not null } or { KnowledgeEntryId: not null })
        {
            var saved = await Actions.EditAsync(caller, CorrectionId, PendingEdit()! with { Text = null });
            if (saved is not ActionOutcome<CorrectionDto>.Done)
            {
                await ReportAsync(saved, "");
                return;
            }
        }
        await ReportAsync(await Actions.ApproveAsync(caller, CorrectionId, _text.Trim() != _correction!.Text ? _text : null, _withGroup), "Approved.");
    }

    private async Task ApplyAsync() =>
        await ReportAsync(await Actions.ApplyAsync(await CallerAsync(), CorrectionId, _withGroup),
            _kind == CorrectionKind.Knowledge ? "Applied: published to the knowledge base." : "Applied: added to the instructions' draft.");

    private async Task RejectAsync()
    {
        var reason = await NoteDialog.AskAsync(Dialogs, "Reject the correction", "Why is it rejected?", "Reject");
        if (reason is not null)
        {
            await ReportAsync(await Actions.RejectAsync(await CallerAsync(), CorrectionId, reason, _withGroup), "Rejected.");
        }
    }

    private async Task ReportAsync(ActionOutcome<CorrectionDto> outcome, string done)
    {
        if (outcome is ActionOutcome<CorrectionDto>.Done)
        {
            if (done.Length > 0)
            {
                Snackbar.Add(done, Severity.Success);
            }
            await LoadAsync();
            await OnChanged.InvokeAsync();
        }
        else
        {
            Snackbar.Add(outcome.Describe() ?? "Not done.", Severity.Warning);
        }
    }
}
