using System.Security.Cryptography;
using System.Text;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Knowledge;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Knowledge;

/// <summary>What the knowledge base holds: for the AI application (its entries and the shared ones) and for the Knowledge page.</summary>
public sealed class KnowledgeQueries(IDbContextFactory<FeedbackDbContext> contextFactory)
{
    /// <summary>
    /// The entries an application is served: its own and the shared ones (every entry of every
    /// source when <paramref name="source"/> is null), changed after <paramref name="since"/> when
    /// given, oldest change first; and an ETag that changes with any of them.
    /// </summary>
    public async Task<(IReadOnlyList<KnowledgeEntryDto> Items, string ETag)> ForSourceAsync(string? source, DateTimeOffset? since, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.KnowledgeEntries.AsNoTracking();
        if (source is not null)
        {
            query = query.Where(e => e.Source == null || e.Source == source);
        }
        if (since is { } after)
        {
            query = query.Where(e => e.UpdatedAt > after);
        }
        var entries = await query.OrderBy(e => e.UpdatedAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var items = await WithCorrectionsAsync(db, entries, cancellationToken);
        return (items, ETagOf(source, since, entries));
    }

    public async Task<IReadOnlyList<KnowledgeEntryDto>> ListAsync(string? source = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.KnowledgeEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(source))
        {
            query = query.Where(e => e.Source == source);
        }
        return await WithCorrectionsAsync(db, await query.OrderByDescending(e => e.UpdatedAt).ToListAsync(cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<KnowledgeVersionDto>> VersionsAsync(long entryId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (await db.KnowledgeEntryVersions.AsNoTracking().Where(v => v.EntryId == entryId).OrderByDescending(v => v.Version).ToListAsync(cancellationToken))
            .Select(KnowledgeVersionDto.From).ToList();
    }

    private static async Task<IReadOnlyList<KnowledgeEntryDto>> WithCorrectionsAsync(FeedbackDbContext db, List<KnowledgeEntry> entries, CancellationToken cancellationToken)
    {
        var ids = entries.Select(e => e.Id).ToList();
        var corrections = (await db.KnowledgeEntryVersions.AsNoTracking()
                .Where(v => ids.Contains(v.EntryId) && v.CorrectionId != null)
                .OrderBy(v => v.Version).Select(v => new { v.EntryId, CorrectionId = v.CorrectionId!.Value })
                .ToListAsync(cancellationToken))
            .ToLookup(v => v.EntryId, v => v.CorrectionId);
        return entries.Select(e => KnowledgeEntryDto.From(e, corrections[e.Id].ToList())).ToList();
    }

    /// <summary>A strong validator over what was asked and every entry's id and version: any publish changes it.</summary>
    private static string ETagOf(string? source, DateTimeOffset? since, IEnumerable<KnowledgeEntry> entries)
    {
        var text = new StringBuilder().Append(source).Append('|').Append(since?.UtcTicks);
        foreach (var entry in entries.OrderBy(e => e.Id))
        {
            text.Append('|').Append(entry.Id).Append(':').Append(entry.Version);
        }
        return $"\"k-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32]}\"";
    }
}
