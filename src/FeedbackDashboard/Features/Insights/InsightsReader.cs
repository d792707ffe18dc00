using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Issues;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Insights;

/// <summary>
/// Reads insights from the daily aggregates (feedback, patterns and issues, each by source) and the
/// review tasks and corrections. The only read of raw feedback is the newest corrections, which walks
/// the (Type, CreatedAt) index backwards for at most <see cref="MaxCorrections"/> rows, so the cost
/// does not grow with the table.
/// </summary>
public sealed class InsightsReader(IDbContextFactory<FeedbackDbContext> contextFactory, IssueQueries issues, TimeProvider time)
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

        var previousDays = await Daily(db, window.Previous, source)
            .GroupBy(a => a.Day)
            .Select(g => new { Up = g.Sum(a => a.ThumbsUp), All = g.Sum(a => a.ThumbsUp + a.ThumbsDown + a.Corrections + a.Ratings) })
            .ToListAsync(cancellationToken);
        var previousTotal = previousDays.Sum(d => d.All);
        double? previousRate = previousTotal > 0 ? InsightMath.PositiveRate(previousDays.Sum(d => d.Up), previousTotal) : null;
        var positiveRate = InsightMath.PositiveRate(counts.Positive, counts.Total);
        double? change = previousRate is { } before && InsightMath.EnoughForChange(previousTotal, previousDays.Count(d => d.All > 0), window.Days)
            ? positiveRate - before
            : null;

        var corrections = db.Feedback.AsNoTracking()
            .Where(f => f.Type == FeedbackType.Correction && f.CreatedAt >= window.StartUtc && f.CreatedAt < window.EndUtcExclusive);
        if (source is not null)
        {
            corrections = corrections.Where(f => f.Source == source);
        }
        var recentCorrections = await corrections.OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id)
            .Take(MaxCorrections).ToListAsync(cancellationToken);

        return new ImprovementInsights(
            window.Days, window.From, window.To, source, counts.Total,
            positiveRate,
            InsightMath.ThumbsUpShare(counts.Positive, counts.Negative),
            previousRate,
            previousTotal,
            change,
            counts,
            counts.Rating == 0 ? null : (double)ratingSum / counts.Rating,
            distribution,
            daily,
            await OpenTasksAsync(db, window, source, cancellationToken),
            await PendingCorrectionsAsync(db, window, source, cancellationToken),
            await issues.CountInIssuesAsync(window, source, cancellationToken),
            (await issues.ListAsync(window, source, MaxCommonIssues, cancellationToken))
                .Select(i => new CommonIssue(i.Id, i.Label, i.RepresentativeText, i.Frequency)).ToList(),
            await PatternCostsAsync(db, window, source, cancellationToken),
            counts.Correction,
            recentCorrections.Select(FeedbackDto.From).ToList());
    }

    /// <summary>Every source that has sent feedback, for filters.</summary>
    public async Task<IReadOnlyList<string>> SourcesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.DailyAggregates.Select(a => a.Source).Distinct().OrderBy(s => s).ToListAsync(cancellationToken);
    }

    /// <summary>Tasks raised in the window, on the source's feedback, that are still open or in review.</summary>
    private static Task<int> OpenTasksAsync(FeedbackDbContext db, InsightWindow window, string? source, CancellationToken cancellationToken)
    {
        var tasks = db.ReviewTasks.Where(t => t.ActivePatternKey != null && t.CreatedAt >= window.StartUtc && t.CreatedAt < window.EndUtcExclusive);
        return (source is null ? tasks : tasks.Where(t => t.Source == source)).CountAsync(cancellationToken);
    }

    /// <summary>Corrections sent in the window, by the source's users, still waiting for a decision.</summary>
    private static Task<int> PendingCorrectionsAsync(FeedbackDbContext db, InsightWindow window, string? source, CancellationToken cancellationToken)
    {
        var pending = db.Corrections.Where(c => c.Status == CorrectionStatus.Pending && c.CreatedAt >= window.StartUtc && c.CreatedAt < window.EndUtcExclusive);
        return (source is null ? pending : pending.Where(c => c.Source == source)).CountAsync(cancellationToken);
    }

    private static IQueryable<DailyAggregate> Daily(FeedbackDbContext db, InsightWindow window, string? source)
    {
        var query = db.DailyAggregates.Where(a => a.Day >= window.From && a.Day <= window.To);
        return source is null ? query : query.Where(a => a.Source == source);
    }

    private static DailyInsight Day(DateOnly day, int up, int down, int corrections, int ratings)
    {
        var total = up + down + corrections + ratings;
        return new DailyInsight(day, up, down, corrections, ratings, total,
            total == 0 ? null : InsightMath.PositiveRate(up, total), InsightMath.ThumbsUpShare(up, down));
    }

    /// <summary>
    /// The patterns that cost most in the window and source (most negatives there), with their active
    /// task (a pattern's task covers all its sources).
    /// </summary>
    private static async Task<IReadOnlyList<ImprovementOpportunity>> PatternCostsAsync(
        FeedbackDbContext db, InsightWindow window, string? source, CancellationToken cancellationToken)
    {
        var aggregates = db.PatternDailyAggregates.Where(a => a.Day >= window.From && a.Day <= window.To);
        if (source is not null)
        {
            aggregates = aggregates.Where(a => a.Source == source);
        }
        var top = await aggregates
            .GroupBy(a => a.PatternKey)
            .Select(g => new { PatternKey = g.Key, Negative = g.Sum(a => a.ThumbsDown), Total = g.Sum(a => a.Total) })
            .Where(p => p.Negative > 0)
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
                    task?.Id, task?.Priority, task?.Status,
                    task?.SuggestedAction ?? ReviewPolicy.ReviewInstructions);
            })
            .ToList();
    }
}
