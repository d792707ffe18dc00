using System.Security.Claims;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Audit;
using FeedbackDashboard.Features.Knowledge;
using FeedbackDashboard.Features.Pipeline;
using FeedbackDashboard.Features.Shared;
using FeedbackDashboard.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Corrections;

/// <param name="Text">New text, or null to keep it.</param>
/// <param name="Kind">"knowledge" or "behavior", or null to keep it.</param>
/// <param name="KnowledgeEntryId">The entry a knowledge correction amends; 0 clears the choice (a new entry).</param>
public sealed record CorrectionEdit(string? Text = null, string? Kind = null, long? KnowledgeEntryId = null);

/// <summary>
/// A reviewer's decisions on corrections: edit, approve, reject, apply (ApplyCorrectionsAsync of the
/// design), alone or in bulk. Each checks the caller's role, is written with optimistic concurrency,
/// and is audited with the state before and after. Applying changes the correction's status and
/// creates the knowledge version or instructions draft in one transaction; applying twice changes nothing.
/// </summary>
public sealed class CorrectionActions(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    CorrectionQueries queries,
    KnowledgeBase knowledge,
    Instructions instructions,
    WebhookOutbox outbox,
    PipelineSignal pipeline,
    AuditLog audit,
    TimeProvider time)
{
    private const int MaxAttempts = 3;
    public const int MaxBulk = 500;

    public static string Subject(long id) => $"correction/{id}";

    public Task<ActionOutcome<CorrectionDto>> EditAsync(ClaimsPrincipal caller, long id, CorrectionEdit edit, CancellationToken cancellationToken = default) =>
        ActAsync(caller, id, CorrectionAction.Edit, edit, reason: null, withGroup: false, cancellationToken);

    /// <param name="withGroup">Also approve the near-identical corrections of its group that are pending as it is.</param>
    public Task<ActionOutcome<CorrectionDto>> ApproveAsync(ClaimsPrincipal caller, long id, string? text = null, bool withGroup = false, CancellationToken cancellationToken = default) =>
        ActAsync(caller, id, CorrectionAction.Approve, text is null ? null : new CorrectionEdit(text), reason: null, withGroup, cancellationToken);

    public Task<ActionOutcome<CorrectionDto>> RejectAsync(ClaimsPrincipal caller, long id, string? reason, bool withGroup = false, CancellationToken cancellationToken = default) =>
        ActAsync(caller, id, CorrectionAction.Reject, edit: null, reason, withGroup, cancellationToken);

    /// <param name="withGroup">Mark the approved near-identical ones applied by the same change: one version, not one each.</param>
    public Task<ActionOutcome<CorrectionDto>> ApplyAsync(ClaimsPrincipal caller, long id, bool withGroup = false, CancellationToken cancellationToken = default) =>
        ActAsync(caller, id, CorrectionAction.Apply, edit: null, reason: null, withGroup, cancellationToken);

    /// <summary>Approves or rejects each of the ids; the outcome per id, in order.</summary>
    public async Task<ActionOutcome<IReadOnlyList<BulkOutcome>>> BulkAsync(
        ClaimsPrincipal caller, IReadOnlyList<long> ids, CorrectionAction action, string? reason, bool withGroup = false, CancellationToken cancellationToken = default)
    {
        CallerChecks.RequireRole(caller, AppRoles.Reviewer, AppRoles.Admin);
        var errors = new ValidationErrors();
        if (ids.Count is 0 or > MaxBulk)
        {
            errors.Add("ids", $"Give 1 to {MaxBulk} correction ids.");
        }
        if (action is not (CorrectionAction.Approve or CorrectionAction.Reject or CorrectionAction.Apply))
        {
            errors.Add("action", "Bulk actions are approve, reject and apply.");
        }
        if (action == CorrectionAction.Reject)
        {
            errors.AddRange(CorrectionRules.ValidateReason(reason));
        }
        if (!errors.IsEmpty)
        {
            return new ActionOutcome<IReadOnlyList<BulkOutcome>>.Invalid(errors);
        }
        var outcomes = new List<BulkOutcome>();
        foreach (var id in ids.Distinct())
        {
            var outcome = await ActAsync(caller, id, action, edit: null, reason, withGroup, cancellationToken);
            outcomes.Add(new BulkOutcome(id, outcome is ActionOutcome<CorrectionDto>.Done, outcome.Describe(), (outcome as ActionOutcome<CorrectionDto>.Done)?.Value));
        }
        return new ActionOutcome<IReadOnlyList<BulkOutcome>>.Done(outcomes);
    }

    /// <summary>A correction a reviewer writes while working on a review task; it waits in the inbox like a user's.</summary>
    public async Task<ActionOutcome<CorrectionDto>> WriteForTaskAsync(
        ClaimsPrincipal caller, long taskId, string? text, string? kind, CancellationToken cancellationToken = default)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Reviewer, AppRoles.Admin);
        var errors = CorrectionRules.ValidateText(text);
        var parsedKind = CorrectionKind.Knowledge;
        if (kind is not null && !WireNames.TryParse<CorrectionKind>(kind, out parsedKind))
        {
            errors.Add("kind", "Use knowledge or behavior.");
        }
        if (!errors.IsEmpty)
        {
            return new ActionOutcome<CorrectionDto>.Invalid(errors);
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.ReviewTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            return new ActionOutcome<CorrectionDto>.NotFound("taskId", "No such review task.");
        }
        var answer = await db.Feedback.Where(f => f.Id == task.TriggerFeedbackId)
            .Join(db.Interactions, f => f.InteractionId, i => i.Id, (_, i) => i.Response).FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        var correction = new Correction
        {
            ReviewTaskId = task.Id,
            Source = task.Source,
            PatternKey = task.PatternKey,
            Query = task.RepresentativeQuery,
            Answer = answer,
            OriginalText = text!.Trim(),
            Text = text.Trim(),
            Kind = parsedKind,
            AuthorName = actor,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Corrections.Add(correction);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(db, actor, "correction.written", Subject(correction.Id), after: new { taskId, kind = parsedKind.ToWire(), text = correction.Text });
        await db.SaveChangesAsync(cancellationToken);
        pipeline.Wake(); // to be grouped with near-identical ones
        return new ActionOutcome<CorrectionDto>.Done((await queries.GetAsync(correction.Id, cancellationToken))!);
    }

    private async Task<ActionOutcome<CorrectionDto>> ActAsync(
        ClaimsPrincipal caller, long id, CorrectionAction action, CorrectionEdit? edit, string? reason, bool withGroup, CancellationToken cancellationToken)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Reviewer, AppRoles.Admin);
        var errors = Validate(action, edit, reason, out var kind);
        if (!errors.IsEmpty)
        {
            return new ActionOutcome<CorrectionDto>.Invalid(errors);
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            ActionOutcome<CorrectionDto>? refused;
            bool published;
            try
            {
                (refused, published) = await db.TransactAsync<(ActionOutcome<CorrectionDto>?, bool)>(async token =>
                {
                    var correction = await db.Corrections.SingleOrDefaultAsync(c => c.Id == id, token);
                    if (correction is null)
                    {
                        return ((new ActionOutcome<CorrectionDto>.NotFound("id", $"No correction {id}."), false), false);
                    }
                    if (CorrectionRules.Refusal(correction.Status, action) is { } refusal)
                    {
                        return ((new ActionOutcome<CorrectionDto>.Conflict(refusal), false), false);
                    }
                    if (action == CorrectionAction.Apply && correction.Status == CorrectionStatus.Applied)
                    {
                        return ((null, false), false); // applied once is enough: answer it as it stands
                    }
                    if (edit?.KnowledgeEntryId is > 0 and var entryId && !await db.KnowledgeEntries.AnyAsync(e => e.Id == entryId, token))
                    {
                        return ((new ActionOutcome<CorrectionDto>.NotFound("knowledgeEntryId", $"No knowledge entry {entryId}."), false), false);
                    }

                    var before = Snapshot(correction);
                    var statusBefore = correction.Status;
                    var now = time.GetUtcNow();
                    Change(correction, action, edit, kind, reason, actor, now);
                    var publishes = action == CorrectionAction.Apply && await ApplyAsync(db, correction, actor, now, token);
                    if (action == CorrectionAction.Approve)
                    {
                        await outbox.EnqueueAsync(db, WebhookEvents.CorrectionApproved,
                            new { correction = new { correction.Id, kind = correction.Kind.ToWire(), correction.Source, correction.PatternKey, correction.Query, correction.Text, approvedBy = actor } },
                            $"Correction approved by {actor} for \"{Shorten(correction.Query)}\": {Shorten(correction.Text)}", now, token);
                        publishes = true;
                    }
                    audit.Record(db, actor, AuditAction(action), Subject(id), before, Snapshot(correction));
                    if (withGroup && action != CorrectionAction.Edit && correction.GroupId is { } group)
                    {
                        await DecideGroupAsync(db, correction, group, statusBefore, action, reason, actor, now, token);
                    }
                    await db.SaveChangesAsync(token);
                    return ((null, publishes), true);
                }, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                continue; // another reviewer decided meanwhile: decide again on what is there now
            }
            if (refused is not null)
            {
                return refused;
            }
            if (published)
            {
                outbox.Wake();
            }
            return new ActionOutcome<CorrectionDto>.Done((await queries.GetAsync(id, cancellationToken))!);
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";

    /// <summary>The same decision for the group's other corrections that stood where this one stood; applying shares its version.</summary>
    private async Task DecideGroupAsync(FeedbackDbContext db, Correction decided, long group, CorrectionStatus statusBefore, CorrectionAction action,
        string? reason, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var members = await db.Corrections.Where(c => c.GroupId == group && c.Id != decided.Id && c.Status == statusBefore && c.Kind == decided.Kind)
            .ToListAsync(cancellationToken);
        foreach (var member in members)
        {
            var before = Snapshot(member);
            Change(member, action, edit: null, kind: null, reason, actor, now);
            if (action == CorrectionAction.Apply)
            {
                member.KnowledgeEntryId = decided.KnowledgeEntryId;
                member.AppliedKnowledgeVersionId = decided.AppliedKnowledgeVersionId;
                member.AppliedInstructionsVersionId = decided.AppliedInstructionsVersionId;
            }
            audit.Record(db, actor, AuditAction(action), Subject(member.Id), before, new { status = member.Status.ToWire(), sameAs = decided.Id });
        }
    }

    /// <returns>Whether something was published (a knowledge version) for the webhooks.</returns>
    private async Task<bool> ApplyAsync(FeedbackDbContext db, Correction correction, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (correction.Kind == CorrectionKind.Knowledge)
        {
            var version = await knowledge.ApplyAsync(db, correction, actor, now, cancellationToken);
            correction.AppliedKnowledgeVersionId = version.Id;
            correction.KnowledgeEntryId = version.EntryId;
            return true;
        }
        var draft = await instructions.DraftFromCorrectionAsync(db, correction, actor, now, cancellationToken);
        correction.AppliedInstructionsVersionId = draft.Id;
        return false;
    }

    private static void Change(Correction correction, CorrectionAction action, CorrectionEdit? edit, CorrectionKind? kind, string? reason, string actor, DateTimeOffset now)
    {
        if (edit?.Text is { } text)
        {
            correction.Text = text.Trim();
        }
        if (kind is { } k)
        {
            correction.Kind = k;
        }
        if (edit?.KnowledgeEntryId is { } entry)
        {
            correction.KnowledgeEntryId = entry > 0 ? entry : null;
        }
        correction.Status = CorrectionRules.Next(correction.Status, action);
        if (action is CorrectionAction.Approve or CorrectionAction.Reject)
        {
            correction.DecidedBy = actor;
            correction.DecidedAt = now;
            correction.Reason = action == CorrectionAction.Reject ? reason!.Trim() : null;
        }
        if (action == CorrectionAction.Apply)
        {
            correction.AppliedAt = now;
        }
        correction.UpdatedAt = now;
        correction.Version = Guid.NewGuid();
    }

    private static ValidationErrors Validate(CorrectionAction action, CorrectionEdit? edit, string? reason, out CorrectionKind? kind)
    {
        var errors = new ValidationErrors();
        kind = null;
        if (edit?.Text is not null)
        {
            errors.AddRange(CorrectionRules.ValidateText(edit.Text));
        }
        if (edit?.Kind is { } wire)
        {
            if (WireNames.TryParse<CorrectionKind>(wire, out var parsed))
            {
                kind = parsed;
            }
            else
            {
                errors.Add("kind", "Use knowledge or behavior.");
            }
        }
        if (edit?.KnowledgeEntryId is < 0)
        {
            errors.Add("knowledgeEntryId", "Give an entry id, or 0 for a new entry.");
        }
        if (action == CorrectionAction.Edit && edit is null or { Text: null, Kind: null, KnowledgeEntryId: null })
        {
            errors.Add("text", "Change the text, the kind or the entry.");
        }
        if (action == CorrectionAction.Reject)
        {
            errors.AddRange(CorrectionRules.ValidateReason(reason));
        }
        return errors;
    }

    private static object Snapshot(Correction c) => new
    {
        status = c.Status.ToWire(), kind = c.Kind.ToWire(), text = c.Text, knowledgeEntryId = c.KnowledgeEntryId, reason = c.Reason,
        appliedKnowledgeVersionId = c.AppliedKnowledgeVersionId, appliedInstructionsVersionId = c.AppliedInstructionsVersionId,
    };

    private static string AuditAction(CorrectionAction action) => action switch
    {
        CorrectionAction.Edit => "correction.edited",
        CorrectionAction.Approve => "correction.approved",
        CorrectionAction.Reject => "correction.rejected",
        CorrectionAction.Apply => "correction.applied",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}

/// <param name="Done">Whether this id's action was done.</param>
/// <param name="Error">Why not, when it was not.</param>
public sealed record BulkOutcome(long Id, bool Done, string? Error, CorrectionDto? Correction);
