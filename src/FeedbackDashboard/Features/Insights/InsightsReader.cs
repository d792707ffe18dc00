using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Insights;

/// <summary>Reads insights from the daily aggregates and the review tasks; never scans raw feedback.</summary>
public sealed class InsightsReader(IDbContextFactory<FeedbackDbContext> contextFactory, TimeProvider time)
{
    public const int MaxCommonIssues = 10;
    public const int MaxOpportunities = 10;
    public const int MaxCorrections = 50;

    public async Task<ImprovementInsights> ReadAsync(int days, string? source, CancellationToken cancellationToken)
    {
        var window = InsightWindow.LastDays(days, time.GetUtcNow());
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);

        var daily = db.DailyAggregates.Where(a => a.Day >= window.From && a.Day <= window.To);
        if (source is not null)
        {
            daily = daily.Where(a => a.Source == source);
        }
        var totals = await daily
            .GroupBy(_ => 1)
            .Select(g => new
            {
                ThumbsUp = g.Sum(a => a.ThumbsUp),
                ThumbsDown = g.Sum(a => a.ThumbsDown),
                Corrections = g.Sum(a => a.Corrections),
                Ratings = g.Sum(a => a.Ratings),
                RatingSum = g.Sum(a => a.RatingSum),
            })
            .SingleOrDefaultAsync(cancellationToken);

        var counts = new FeedbackTypeCounts(totals?.ThumbsUp ?? 0, totals?.ThumbsDown ?? 0, totals?.Corrections ?? 0, totals?.Ratings ?? 0);
        var total = counts.Positive + counts.Negative + counts.Correction + counts.Rating;
        double? averageRating = counts.Rating == 0 ? null : (double)totals!.RatingSum / counts.Rating;

        var corrections = db.Feedback.AsNoTracking()
            .Where(f => f.Type == FeedbackType.Correction && f.CreatedAt >= window.StartUtc);
        if (source is not null)
        {
            corrections = corrections.Where(f => f.Source == source);
        }
        var recentCorrections = await corrections.OrderByDescending(f => f.Id).Take(MaxCorrections).ToListAsync(cancellationToken);

        return new ImprovementInsights(
            days, window.From, window.To, source, total,
            InsightMath.PositiveRate(counts.Positive, total),
            counts, averageRating,
            await IdentifyCommonIssuesAsync(db, window, cancellationToken),
            await FindImprovementOpportunitiesAsync(db, cancellationToken),
            counts.Correction,
            recentCorrections.Select(FeedbackDto.From).ToList());
    }

    /// <summary>
    /// The patterns with the most negative feedback in the window. The clustering issue replaces
    /// this with clusters of the negative comments.
    /// </summary>
    private static async Task<IReadOnlyList<CommonIssue>> IdentifyCommonIssuesAsync(
        FeedbackDbContext db, InsightWindow window, CancellationToken cancellationToken)
    {
        var top = await db.PatternDailyAggregates
            .Where(a => a.Day >= window.From && a.Day <= window.To)
            .GroupBy(a => a.PatternKey)
            .Select(g => new { PatternKey = g.Key, Negative = g.Sum(a => a.ThumbsDown), Total = g.Sum(a => a.Total) })
            .Where(p => p.Negative > 0)
            .OrderByDescending(p => p.Negative).ThenBy(p => p.PatternKey)
            .Take(MaxCommonIssues)
            .ToListAsync(cancellationToken);
        var keys = top.Select(p => p.PatternKey).ToList();
        var queries = await db.QueryPatterns.Where(p => keys.Contains(p.Key))
            .ToDictionaryAsync(p => p.Key, p => p.RepresentativeQuery, cancellationToken);
        return top.Select(p => new CommonIssue(
                p.PatternKey, queries.GetValueOrDefault(p.PatternKey, p.PatternKey), p.Negative, p.Total,
                p.Total == 0 ? 0 : (double)p.Negative / p.Total))
            .ToList();
    }

    private static async Task<IReadOnlyList<ImprovementOpportunity>> FindImprovementOpportunitiesAsync(
        FeedbackDbContext db, CancellationToken cancellationToken)
    {
        var active = await db.ReviewTasks.AsNoTracking()
            .Where(t => t.ActivePatternKey != null)
            .OrderByDescending(t => t.Priority).ThenByDescending(t => t.NegativeCount).ThenBy(t => t.Id)
            .Take(MaxOpportunities)
            .ToListAsync(cancellationToken);
        return active.Select(t => new ImprovementOpportunity(
                t.Id, t.PatternKey, t.RepresentativeQuery, t.Priority.ToWire(), t.Status.ToWire(), t.SuggestedAction,
                t.RelatedCount, t.NegativeCount, t.NegativeShare))
            .ToList();
    }
}
