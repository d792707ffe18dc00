using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Core.Knowledge;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Changes;
using FeedbackDashboard.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Knowledge;

/// <summary>
/// Applies knowledge corrections: amends the entry the correction was matched to (chosen by the
/// reviewer, else the entry made from earlier corrections on the same query pattern and source),
/// or creates one. Every change is a new version, published at once and announced to the webhooks.
/// Writes into the caller's transaction.
/// </summary>
public sealed class KnowledgeBase(WebhookOutbox outbox, ChangeRecorder changes)
{
    public async Task<KnowledgeEntryVersion> ApplyAsync(FeedbackDbContext db, Correction correction, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entry = await MatchAsync(db, correction, cancellationToken);
        if (entry is null)
        {
            // Titled by the question as reviewers know it: its pattern's representative, else the question asked.
            var title = correction.PatternKey is { } key
                ? await db.QueryPatterns.Where(p => p.Key == key).Select(p => p.RepresentativeQuery).FirstOrDefaultAsync(cancellationToken)
                : null;
            entry = new KnowledgeEntry
            {
                Source = correction.Source,
                Title = Fit((title ?? correction.Query).Trim(), KnowledgeEntry.MaxTitleLength),
                Content = correction.Text.Trim(),
                Tags = correction.PatternKey is null ? [] : ["from-corrections"],
                PatternKey = correction.PatternKey,
                Version = 1,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.KnowledgeEntries.Add(entry);
        }
        else
        {
            entry.Content = correction.Text.Trim();
            entry.Version++;
            entry.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);

        var version = new KnowledgeEntryVersion
        {
            EntryId = entry.Id,
            Version = entry.Version,
            Title = entry.Title,
            Content = entry.Content,
            Tags = [.. entry.Tags],
            CorrectionId = correction.Id,
            Author = actor,
            CreatedAt = now,
        };
        db.KnowledgeEntryVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        await changes.RecordKnowledgeAsync(db, entry, version, correction, actor, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var corrections = await db.KnowledgeEntryVersions.Where(v => v.EntryId == entry.Id && v.CorrectionId != null)
            .OrderBy(v => v.Version).Select(v => v.CorrectionId!.Value).ToListAsync(cancellationToken);
        await outbox.EnqueueAsync(db, WebhookEvents.KnowledgePublished,
            new { entry = KnowledgeEntryDto.From(entry, corrections), version = version.Version, correctionId = correction.Id },
            $"Knowledge published: \"{entry.Title}\" (version {version.Version}, {entry.Source ?? "every source"}).", now, cancellationToken);
        return version;
    }

    private static async Task<KnowledgeEntry?> MatchAsync(FeedbackDbContext db, Correction correction, CancellationToken cancellationToken)
    {
        if (correction.KnowledgeEntryId is { } chosen)
        {
            return await db.KnowledgeEntries.SingleOrDefaultAsync(e => e.Id == chosen, cancellationToken);
        }
        return correction.PatternKey is null
            ? null
            : await db.KnowledgeEntries.Where(e => e.PatternKey == correction.PatternKey && e.Source == correction.Source)
                .OrderBy(e => e.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static string Fit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
