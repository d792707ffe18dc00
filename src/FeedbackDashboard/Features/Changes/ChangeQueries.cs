using FeedbackDashboard.Core.Changes;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Changes;

/// <summary>Lists changes newest first with their verdicts: stored when final, else read now (at most N items a side each).</summary>
public sealed class ChangeQueries(IDbContextFactory<FeedbackDbContext> contextFactory, ChangeJudge judge, TimeProvider time)
{
    public const int MaxLimit = 200;

    /// <param name="source">Changes for this source, and knowledge shared by every source.</param>
    public async Task<IReadOnlyList<ChangeDto>> ListAsync(string? source = null, long? reviewTaskId = null, DateTimeOffset? from = null,
        DateTimeOffset? to = null, int limit = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var changes = db.Changes.AsNoTracking();
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
        var rows = await changes.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
            .Take(Math.Clamp(limit, 1, MaxLimit)).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var items = new List<ChangeDto>(rows.Count);
        foreach (var change in rows)
        {
            var reading = change.Verdict is not null && change.JudgedAt is not null
                ? ChangeJudge.Stored(change, judge.ItemsEachSide)
                : await judge.ReadAsync(db, change, now, cancellationToken);
            items.Add(ChangeDto.From(change, reading));
        }
        return items;
    }
}
