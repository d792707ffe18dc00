using FeedbackDashboard.Contracts;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Feedback;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Ingestion;

public sealed class FeedbackQueries(IDbContextFactory<FeedbackDbContext> contextFactory)
{
    public const int MaxRecent = 200;

    /// <summary>The newest feedback with the query it was about, newest first.</summary>
    public async Task<IReadOnlyList<RecentFeedback>> RecentAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Feedback.AsNoTracking()
            .OrderByDescending(f => f.Id)
            .Take(Math.Clamp(count, 1, MaxRecent))
            .Join(db.Interactions, f => f.InteractionId, i => i.Id, (f, i) => new { Feedback = f, i.Query })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new RecentFeedback(FeedbackDto.From(r.Feedback), r.Query)).ToList();
    }

    /// <summary>The query of each interaction, for feedback pushed without it.</summary>
    public async Task<IReadOnlyDictionary<string, string>> QueriesAsync(IReadOnlyCollection<string> interactionIds, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Interactions.AsNoTracking()
            .Where(i => interactionIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.Query, cancellationToken);
    }
}

public sealed record RecentFeedback(FeedbackDto Feedback, string Query);
