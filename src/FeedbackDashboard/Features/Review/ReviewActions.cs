using System.Security.Claims;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Audit;
using FeedbackDashboard.Features.Realtime;
using FeedbackDashboard.Features.Shared;
using FeedbackDashboard.Features.Webhooks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Review;

/// <summary>
/// Claim, release, resolve, dismiss, reopen and assign. The workflow rules are
/// <see cref="ReviewTransitions"/>; this writes them with optimistic concurrency (the task's
/// version is checked by the UPDATE), so of two reviewers claiming at once exactly one wins and
/// the other is told who. Each change is audited and pushed.
/// </summary>
public sealed class ReviewActions(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    ReviewTaskQueries queries,
    ReviewNotifier notifier,
    AuditLog audit,
    WebhookOutbox outbox,
    TimeProvider time)
{
    private const int MaxAttempts = 5;

    public Task<ActionOutcome<ReviewTaskDto>> ClaimAsync(ClaimsPrincipal caller, long id, CancellationToken ct = default) =>
        ActAsync(caller, id, ReviewAction.Claim, note: null, assignee: null, ct);

    public Task<ActionOutcome<ReviewTaskDto>> ReleaseAsync(ClaimsPrincipal caller, long id, CancellationToken ct = default) =>
        ActAsync(caller, id, ReviewAction.Release, note: null, assignee: null, ct);

    public Task<ActionOutcome<ReviewTaskDto>> ResolveAsync(ClaimsPrincipal caller, long id, string? note, CancellationToken ct = default) =>
        ActAsync(caller, id, ReviewAction.Resolve, note, assignee: null, ct);

    public Task<ActionOutcome<ReviewTaskDto>> DismissAsync(ClaimsPrincipal caller, long id, string? reason, CancellationToken ct = default) =>
        ActAsync(caller, id, ReviewAction.Dismiss, reason, assignee: null, ct);

    public Task<ActionOutcome<ReviewTaskDto>> ReopenAsync(ClaimsPrincipal caller, long id, CancellationToken ct = default) =>
        ActAsync(caller, id, ReviewAction.Reopen, note: null, assignee: null, ct);

    public Task<ActionOutcome<ReviewTaskDto>> AssignAsync(ClaimsPrincipal caller, long id, Assignee assignee, CancellationToken ct = default) =>
        ActAsync(caller, id, ReviewAction.Assign, note: null, assignee, ct);

    private async Task<ActionOutcome<ReviewTaskDto>> ActAsync(
        ClaimsPrincipal caller, long id, ReviewAction action, string? note, Assignee? assignee, CancellationToken cancellationToken)
    {
        var actorName = CallerChecks.RequireRole(caller, AppRoles.Reviewer, AppRoles.Admin);
        var actorId = caller.FindFirstValue(ClaimTypes.NameIdentifier) ?? actorName;
        var errors = ValidateNote(action, note);
        if (!errors.IsEmpty)
        {
            return new ActionOutcome<ReviewTaskDto>.Invalid(errors);
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var task = await db.ReviewTasks.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (task is null)
            {
                return new ActionOutcome<ReviewTaskDto>.NotFound("id", "No such review task.");
            }

            var outcome = ReviewTransitions.Decide(
                new ReviewState(task.Status, task.AssigneeId), action, actorId, caller.IsInRole(AppRoles.Admin), assignee?.Id);
            switch (outcome)
            {
                case TransitionOutcome.Refused refused:
                    return new ActionOutcome<ReviewTaskDto>.Conflict(refused.Reason, Holder: refused.HolderId is null ? null : task.AssigneeName ?? refused.HolderId);
                case TransitionOutcome.Unchanged:
                    return new ActionOutcome<ReviewTaskDto>.Done((await queries.GetAsync(id, cancellationToken))!);
            }

            var next = ((TransitionOutcome.Changed)outcome).State;
            var before = new { status = task.Status.ToWire(), assignee = task.AssigneeName };
            Apply(task, next, action, note, actorName, assignee);
            if (action == ReviewAction.Reopen && await db.ReviewTasks.AnyAsync(t => t.ActivePatternKey == task.PatternKey && t.Id != task.Id, cancellationToken))
            {
                return new ActionOutcome<ReviewTaskDto>.Conflict("This pattern already has an open task; work on that one.");
            }
            audit.Record(db, actorName, AuditAction(action), ReviewAudit.Subject(id), before,
                new { status = task.Status.ToWire(), assignee = task.AssigneeName, note });
            if (action == ReviewAction.Resolve)
            {
                await outbox.EnqueueAsync(db, WebhookEvents.ReviewTaskResolved,
                    new { task = new { task.Id, task.PatternKey, task.RepresentativeQuery, task.Source, resolvedBy = actorName, resolutionNote = note } },
                    $"Review task #{task.Id} resolved by {actorName}: {note}", time.GetUtcNow(), cancellationToken);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts && (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e)))
            {
                continue; // someone changed the task meanwhile (a claim, or new feedback joining): decide again on what is there now
            }

            if (action == ReviewAction.Resolve)
            {
                outbox.Wake();
            }
            var dto = (await queries.GetAsync(id, cancellationToken))!;
            await notifier.TaskUpdatedAsync(dto);
            return new ActionOutcome<ReviewTaskDto>.Done(dto);
        }
    }

    private void Apply(ReviewTask task, ReviewState next, ReviewAction action, string? note, string actorName, Assignee? assignee)
    {
        var now = time.GetUtcNow();
        task.AssigneeName = next.AssigneeId switch
        {
            null => null,
            _ when action == ReviewAction.Assign => assignee!.Name,
            var kept when kept == task.AssigneeId => task.AssigneeName ?? actorName,
            _ => actorName,
        };
        task.AssigneeId = next.AssigneeId;
        task.Status = next.Status;
        var active = ReviewPolicy.IsActive(next.Status);
        task.ActivePatternKey = active ? task.PatternKey : null;
        task.ClosedAt = active ? null : now;
        if (action is ReviewAction.Resolve or ReviewAction.Dismiss)
        {
            task.ResolutionNote = note!.Trim();
        }
        task.UpdatedAt = now;
        task.Version = Guid.NewGuid();
    }

    private static ValidationErrors ValidateNote(ReviewAction action, string? note)
    {
        var errors = new ValidationErrors();
        var field = action == ReviewAction.Dismiss ? "reason" : "note";
        if (action is ReviewAction.Resolve or ReviewAction.Dismiss)
        {
            if (string.IsNullOrWhiteSpace(note))
            {
                errors.Add(field, action == ReviewAction.Resolve ? "Say what was done: a resolution note is required." : "Say why: a reason is required.");
            }
            else if (note.Length > ReviewTask.MaxNoteLength)
            {
                errors.Add(field, $"At most {ReviewTask.MaxNoteLength} characters.");
            }
        }
        return errors;
    }

    private static string AuditAction(ReviewAction action) => action switch
    {
        ReviewAction.Claim => ReviewAudit.Claimed,
        ReviewAction.Release => ReviewAudit.Released,
        ReviewAction.Resolve => ReviewAudit.Resolved,
        ReviewAction.Dismiss => ReviewAudit.Dismissed,
        ReviewAction.Reopen => ReviewAudit.Reopened,
        ReviewAction.Assign => ReviewAudit.Assigned,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}

/// <summary>A reviewer a task can be assigned to.</summary>
public sealed record Assignee(string Id, string Name);
