using System.Security.Claims;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Knowledge;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Audit;
using FeedbackDashboard.Features.Changes;
using FeedbackDashboard.Features.Shared;
using FeedbackDashboard.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Knowledge;

/// <summary>
/// One instructions document per AI application, versioned: behavior corrections go into the open
/// draft, a reviewer edits and publishes it (the previous version is superseded), and any earlier
/// version can be brought back as a new published version. Publishing is announced to the webhooks.
/// </summary>
public sealed class Instructions(IDbContextFactory<FeedbackDbContext> contextFactory, WebhookOutbox outbox, ChangeRecorder changes, AuditLog audit, TimeProvider time)
{
    public static string Subject(string source) => $"instructions/{source}";

    public async Task<IReadOnlyList<InstructionsVersionDto>> VersionsAsync(string source, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var versions = await db.InstructionsVersions.AsNoTracking().Where(v => v.Source == source).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        return versions.Select(InstructionsVersionDto.From).ToList();
    }

    public async Task<InstructionsVersionDto?> CurrentAsync(string source, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var current = await db.InstructionsVersions.AsNoTracking().SingleOrDefaultAsync(v => v.CurrentFor == source, cancellationToken);
        return current is null ? null : InstructionsVersionDto.From(current);
    }

    /// <summary>The applications that have instructions or behavior corrections: the Instructions page's list.</summary>
    public async Task<IReadOnlyList<string>> SourcesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var withVersions = await db.InstructionsVersions.Select(v => v.Source).Distinct().ToListAsync(cancellationToken);
        var withCorrections = await db.Corrections.Where(c => c.Kind == CorrectionKind.Behavior).Select(c => c.Source).Distinct().ToListAsync(cancellationToken);
        return withVersions.Union(withCorrections).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Adds a behavior correction to the source's draft (made from the published version when there is none). In the caller's transaction.</summary>
    public async Task<InstructionsVersion> DraftFromCorrectionAsync(FeedbackDbContext db, Correction correction, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var draft = await OpenDraftAsync(db, correction.Source, actor, now, cancellationToken);
        draft.Text = InstructionsDraft.WithCorrection(draft.Text, correction.Text);
        draft.Note = AppendNote(draft.Note, $"correction #{correction.Id}");
        draft.Concurrency = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    public async Task<ActionOutcome<InstructionsVersionDto>> EditDraftAsync(ClaimsPrincipal caller, string source, string? text, CancellationToken cancellationToken = default)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Reviewer, AppRoles.Admin);
        var errors = ValidateText(text);
        if (!errors.IsEmpty || !ValidSource(source, errors))
        {
            return new ActionOutcome<InstructionsVersionDto>.Invalid(errors);
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var draft = await OpenDraftAsync(db, source, actor, now, cancellationToken);
        var before = draft.Text;
        draft.Text = text!.Trim();
        draft.Concurrency = Guid.NewGuid();
        audit.Record(db, actor, "instructions.edited", Subject(source), new { version = draft.Version, text = before }, new { version = draft.Version, text = draft.Text });
        await db.SaveChangesAsync(cancellationToken);
        return new ActionOutcome<InstructionsVersionDto>.Done(InstructionsVersionDto.From(draft));
    }

    public async Task<ActionOutcome<InstructionsVersionDto>> PublishAsync(ClaimsPrincipal caller, string source, int version, CancellationToken cancellationToken = default)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Reviewer, AppRoles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var outcome = await db.TransactAsync<ActionOutcome<InstructionsVersionDto>>(async token =>
        {
            var draft = await db.InstructionsVersions.SingleOrDefaultAsync(v => v.Source == source && v.Version == version, token);
            if (draft is null)
            {
                return (new ActionOutcome<InstructionsVersionDto>.NotFound("version", $"{source} has no instructions version {version}."), false);
            }
            if (draft.Status != InstructionsStatus.Draft)
            {
                return (draft.Status == InstructionsStatus.Published
                    ? new ActionOutcome<InstructionsVersionDto>.Done(InstructionsVersionDto.From(draft))
                    : new ActionOutcome<InstructionsVersionDto>.Conflict($"Version {version} was replaced already; roll back to it instead."), false);
            }
            var now = time.GetUtcNow();
            var previous = await SupersedeCurrentAsync(db, source, token);
            draft.DraftFor = null;
            await db.SaveChangesAsync(token); // free the draft slot and the current slot before taking it
            draft.Status = InstructionsStatus.Published;
            draft.CurrentFor = source;
            draft.PublishedAt = now;
            draft.PublishedBy = actor;
            draft.Concurrency = Guid.NewGuid();
            await AnnounceAsync(db, draft, now, token);
            audit.Record(db, actor, "instructions.published", Subject(source), new { version = previous }, new { version = draft.Version, text = draft.Text });
            await db.SaveChangesAsync(token);
            await changes.RecordInstructionsAsync(db, draft, actor, now, token);
            await db.SaveChangesAsync(token);
            return (new ActionOutcome<InstructionsVersionDto>.Done(InstructionsVersionDto.From(draft)), true);
        }, cancellationToken);
        outbox.Wake();
        return outcome;
    }

    /// <summary>Publishes a copy of an earlier version as the next version: history is never rewritten.</summary>
    public async Task<ActionOutcome<InstructionsVersionDto>> RollbackAsync(ClaimsPrincipal caller, string source, int toVersion, CancellationToken cancellationToken = default)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Reviewer, AppRoles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var outcome = await db.TransactAsync<ActionOutcome<InstructionsVersionDto>>(async token =>
        {
            var target = await db.InstructionsVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Source == source && v.Version == toVersion, token);
            if (target is null || target.Status == InstructionsStatus.Draft)
            {
                return (new ActionOutcome<InstructionsVersionDto>.NotFound("version", $"{source} has no published version {toVersion} to roll back to."), false);
            }
            var now = time.GetUtcNow();
            var previous = await SupersedeCurrentAsync(db, source, token);
            await db.SaveChangesAsync(token);
            var restored = new InstructionsVersion
            {
                Source = source,
                Version = await NextVersionAsync(db, source, token),
                Text = target.Text,
                Status = InstructionsStatus.Published,
                CurrentFor = source,
                BasedOn = toVersion,
                Note = $"rolled back to version {toVersion}",
                CreatedBy = actor,
                CreatedAt = now,
                PublishedBy = actor,
                PublishedAt = now,
            };
            db.InstructionsVersions.Add(restored);
            await AnnounceAsync(db, restored, now, token);
            audit.Record(db, actor, "instructions.rolled_back", Subject(source), new { version = previous }, new { version = restored.Version, rolledBackTo = toVersion });
            await db.SaveChangesAsync(token);
            await changes.RecordInstructionsAsync(db, restored, actor, now, token);
            await db.SaveChangesAsync(token);
            return (new ActionOutcome<InstructionsVersionDto>.Done(InstructionsVersionDto.From(restored)), true);
        }, cancellationToken);
        outbox.Wake();
        return outcome;
    }

    private async Task<InstructionsVersion> OpenDraftAsync(FeedbackDbContext db, string source, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var draft = await db.InstructionsVersions.SingleOrDefaultAsync(v => v.DraftFor == source, cancellationToken);
        if (draft is not null)
        {
            return draft;
        }
        var current = await db.InstructionsVersions.AsNoTracking().SingleOrDefaultAsync(v => v.CurrentFor == source, cancellationToken);
        draft = new InstructionsVersion
        {
            Source = source,
            Version = await NextVersionAsync(db, source, cancellationToken),
            Text = current?.Text ?? "",
            DraftFor = source,
            BasedOn = current?.Version,
            CreatedBy = actor,
            CreatedAt = now,
        };
        db.InstructionsVersions.Add(draft);
        return draft;
    }

    private static async Task<int?> SupersedeCurrentAsync(FeedbackDbContext db, string source, CancellationToken cancellationToken)
    {
        var current = await db.InstructionsVersions.SingleOrDefaultAsync(v => v.CurrentFor == source, cancellationToken);
        if (current is null)
        {
            return null;
        }
        current.Status = InstructionsStatus.Superseded;
        current.CurrentFor = null;
        current.Concurrency = Guid.NewGuid();
        return current.Version;
    }

    private static async Task<int> NextVersionAsync(FeedbackDbContext db, string source, CancellationToken cancellationToken) =>
        (await db.InstructionsVersions.Where(v => v.Source == source).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0)
        + db.InstructionsVersions.Local.Count(v => v.Source == source && v.Id == 0) + 1;

    private Task AnnounceAsync(FeedbackDbContext db, InstructionsVersion version, DateTimeOffset now, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(db, Webhooks.WebhookEvents.InstructionsPublished,
            new { source = version.Source, version = version.Version, text = version.Text, publishedAt = version.PublishedAt },
            $"Instructions for {version.Source} published: version {version.Version}.", now, cancellationToken);

    private static ValidationErrors ValidateText(string? text)
    {
        var errors = new ValidationErrors();
        if (text is null)
        {
            errors.Add("text", "Give the instructions' text.");
        }
        else if (text.Length > InstructionsVersion.MaxTextLength)
        {
            errors.Add("text", $"At most {InstructionsVersion.MaxTextLength:N0} characters.");
        }
        return errors;
    }

    private static bool ValidSource(string source, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(source) || source.Length > Interaction.MaxSourceLength)
        {
            errors.Add("source", $"Name the application: 1 to {Interaction.MaxSourceLength} characters.");
            return false;
        }
        return true;
    }

    private static string AppendNote(string? note, string addition) =>
        string.IsNullOrEmpty(note) ? addition : note.Length + addition.Length + 2 > 2_000 ? note : $"{note}, {addition}";
}
