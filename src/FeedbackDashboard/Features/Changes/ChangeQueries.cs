using FeedbackDashboard.Core.Changes;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Changes;

/// <summary>Lists changes newest first with their verdicts: stored when final, else read now (at most N items a side each).</summary>
public sealed class ChangeQueries(IDbContextFactory<FeedbackDbContext> contextFactory, ChangeJudge judge, TimeProvider time)
{
    public const int MaxLimit = 200;

    /// <param name="source">Changes for this source, and knowledge shared by every source.</param>
    /// <param name="verdict">Collecting: the changes without a final verdict yet; else those judged so.</param>
    public async Task<IReadOnlyList<ChangeDto>> ListAsync(string? source = null, long? reviewTaskId = null, DateTimeOffset? from = null,
        DateTimeOffset? to = null, int limit = 50, CancellationToken cancellationToken = default, ChangeKind? kind = null, ChangeVerdict? verdict = null)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var changes = db.Changes.AsNoTracking();
        if (kind is { } wantedKind)
        {
            changes = changes.Where(c => c.Kind == wantedKind);
        }
        if (verdict is { } wanted)
        {
            // Final verdicts are stored; a change not judged yet is read now (it may have just got its items).
            changes = wanted == ChangeVerdict.Collecting
                ? changes.Where(c => c.Verdict == null || c.JudgedAt == null)
                : changes.Where(c => (c.Verdict == wanted && c.JudgedAt != null) || c.Verdict == null || c.JudgedAt == null);
        }
        if (source is not null)
        {
            changes = changes.Where(c => c.Source == source || c.Source == null);
        }
        if (reviewTaskId is { } taskId)
        {
            changes = changes.Where(c => c.ReviewTaskId == taskId);
        }
        if (from is { } start)
        {
            changes = changes.Where(c => c.PublishedAt >= start);
        }
        if (to is { } end)
        {
            changes = changes.Where(c => c.PublishedAt < end);
        }
        limit = Math.Clamp(limit, 1, MaxLimit);
        var ordered = changes.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id);
        var rows = await (verdict is null ? ordered.Take(limit) : ordered).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var items = new List<ChangeDto>(Math.Min(rows.Count, limit));
        foreach (var change in rows)
        {
            var reading = change.Verdict is not null && change.JudgedAt is not null
                ? ChangeJudge.Stored(change, judge.ItemsEachSide)
                : await judge.ReadAsync(db, change, now, cancellationToken);
            var item = ChangeDto.From(change, reading);
            if (verdict is null || item.Verdict == verdict)
            {
                items.Add(item);
            }
            if (items.Count == limit)
            {
                break;
            }
        }
        return items;
    }
}
