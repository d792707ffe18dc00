using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Insights;

/// <summary>
/// Reads insights from the daily aggregates and the review tasks. The only read of raw feedback is
/// the newest corrections, which walks the (Type, CreatedAt) index backwards for at most
/// <see cref="MaxCorrections"/> rows, so the cost does not grow with the table.
/// </summary>
public sealed class InsightsReader(IDbContextFactory<FeedbackDbContext> contextFactory, TimeProvider time)
{
    public const int MaxCommonIssues = 10;
    public const int MaxOpportunities = 10;
    public const int MaxCorrections = 50;

    public Task<ImprovementInsights> ReadAsync(int days, string? source, CancellationToken cancellationToken) =>
        ReadAsync(InsightWindow.LastDays(days, time.GetUtcNow()), source, cancellationToken);

    public async Task<ImprovementInsights> ReadAsync(InsightWindow window, string? source, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        var rows = await Daily(db, window, source)
            .GroupBy(a => a.Day)
            .Select(g => new
            {
                Day = g.Key,
                ThumbsUp = g.Sum(a => a.ThumbsUp),
                ThumbsDown = g.Sum(a => a.ThumbsDown),
                Corrections = g.Sum(a => a.Corrections),
                Ratings = g.Sum(a => a.Ratings),
                RatingSum = g.Sum(a => a.RatingSum),
                Rating1 = g.Sum(a => a.Rating1),
                Rating2 = g.Sum(a => a.Rating2),
                Rating3 = g.Sum(a => a.Rating3),
                Rating4 = g.Sum(a => a.Rating4),
                Rating5 = g.Sum(a => a.Rating5),
            })
            .ToListAsync(cancellationToken);
        var byDay = rows.ToDictionary(r => r.Day);
        var daily = window.EachDay().Select(day => byDay.TryGetValue(day, out var r)
                ? Day(day, r.ThumbsUp, r.ThumbsDown, r.Corrections, r.Ratings)
                : Day(day, 0, 0, 0, 0))
            .ToList();

        var counts = new FeedbackTypeCounts(rows.Sum(r => r.ThumbsUp), rows.Sum(r => r.ThumbsDown), rows.Sum(r => r.Corrections), rows.Sum(r => r.Ratings));
        var ratingSum = rows.Sum(r => r.RatingSum);
        int[] distribution = [rows.Sum(r => r.Rating1), rows.Sum(r => r.Rating2), rows.Sum(r => r.Rating3), rows.Sum(r => r.Rating4), rows.Sum(r => r.Rating5)];

        var previous = await Daily(db, window.Previous, source)
            .GroupBy(_ => 1)
            .Select(g => new { Up = g.Sum(a => a.ThumbsUp), All = g.Sum(a => a.ThumbsUp + a.ThumbsDown + a.Corrections + a.Ratings) })
            .SingleOrDefaultAsync(cancellationToken);

        var corrections = db.Feedback.AsNoTracking()
            .Where(f => f.Type == FeedbackType.Correction && f.CreatedAt >= window.StartUtc && f.CreatedAt < window.EndUtcExclusive);
        if (source is not null)
        {
            corrections = corrections.Where(f => f.Source == source);
        }
        var recentCorrections = await corrections.OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id)
            .Take(MaxCorrections).ToListAsync(cancellationToken);

        var patterns = await PatternCostsAsync(db, window, cancellationToken);
        var openTasks = await db.ReviewTasks.CountAsync(t => t.ActivePatternKey != null, cancellationToken);

        return new ImprovementInsights(
            window.Days, window.From, window.To, source, counts.Total,
            InsightMath.PositiveRate(counts.Positive, counts.Total),
            previous is { All: > 0 } ? InsightMath.PositiveRate(previous.Up, previous.All) : null,
            counts,
            counts.Rating == 0 ? null : (double)ratingSum / counts.Rating,
            distribution,
            daily,
            openTasks,
            await IdentifyCommonIssuesAsync(db, cancellationToken),
            patterns.Take(MaxOpportunities).ToList(),
            counts.Correction,
            recentCorrections.Select(FeedbackDto.From).ToList());
    }

    /// <summary>Every source that has sent feedback, for filters.</summary>
    public async Task<IReadOnlyList<string>> SourcesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.DailyAggregates.Select(a => a.Source).Distinct().OrderBy(s => s).ToListAsync(cancellationToken);
    }

    /// <summary>The largest clusters the background clustering persisted (IdentifyCommonIssues), not recomputed here.</summary>
    private static async Task<IReadOnlyList<CommonIssue>> IdentifyCommonIssuesAsync(FeedbackDbContext db, CancellationToken cancellationToken) =>
        await db.IssueClusters.AsNoTracking()
            .Where(c => c.IsCurrent)
            .OrderByDescending(c => c.Frequency).ThenBy(c => c.Id)
            .Take(MaxCommonIssues)
            .Select(c => new CommonIssue(c.Id, c.Label, c.RepresentativeText, c.Frequency))
            .ToListAsync(cancellationToken);

    private static IQueryable<DailyAggregate> Daily(FeedbackDbContext db, InsightWindow window, string? source)
    {
        var query = db.DailyAggregates.Where(a => a.Day >= window.From && a.Day <= window.To);
        return source is null ? query : query.Where(a => a.Source == source);
    }

    private static DailyInsight Day(DateOnly day, int up, int down, int corrections, int ratings)
    {
        var total = up + down + corrections + ratings;
        return new DailyInsight(day, up, down, corrections, ratings, total, total == 0 ? null : InsightMath.PositiveRate(up, total));
    }

    /// <summary>
    /// The patterns that cost most in the window (most negatives), with their active task. Patterns
    /// span sources, so the source filter does not apply here. The clustering issue deepens this.
    /// </summary>
    private static async Task<IReadOnlyList<ImprovementOpportunity>> PatternCostsAsync(
        FeedbackDbContext db, InsightWindow window, CancellationToken cancellationToken)
    {
        var top = await db.PatternDailyAggregates
            .Where(a => a.Day >= window.From && a.Day <= window.To && a.ThumbsDown > 0)
            .GroupBy(a => a.PatternKey)
            .Select(g => new { PatternKey = g.Key, Negative = g.Sum(a => a.ThumbsDown), Total = g.Sum(a => a.Total) })
            .OrderByDescending(p => p.Negative).ThenBy(p => p.PatternKey)
            .Take(MaxOpportunities)
            .ToListAsync(cancellationToken);
        var keys = top.Select(p => p.PatternKey).ToList();
        var queries = await db.QueryPatterns.Where(p => keys.Contains(p.Key))
            .ToDictionaryAsync(p => p.Key, p => p.RepresentativeQuery, cancellationToken);
        var tasks = await db.ReviewTasks.AsNoTracking().Where(t => t.ActivePatternKey != null && keys.Contains(t.ActivePatternKey))
            .ToDictionaryAsync(t => t.PatternKey, cancellationToken);

        return top.Select(p =>
            {
                var task = tasks.GetValueOrDefault(p.PatternKey);
                return new ImprovementOpportunity(
                    p.PatternKey, queries.GetValueOrDefault(p.PatternKey, p.PatternKey), p.Negative, p.Total,
                    p.Total == 0 ? 0 : (double)p.Negative / p.Total,
                    task?.Id, task?.Priority.ToWire(), task?.Status.ToWire(),
                    task?.SuggestedAction ?? ReviewPolicy.ReviewInstructions);
            })
            .ToList();
    }
}
