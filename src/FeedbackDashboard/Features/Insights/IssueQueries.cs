using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Ingestion;
using FeedbackDashboard.Features.Review;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Insights;

/// <summary>
/// Common issues with what a reader needs to judge them: frequency, trend, sample comments, and
/// the feedback behind them. Today an issue is a query pattern; the clustering issue makes it a
/// cluster of negative comments by meaning, behind the same shape.
/// </summary>
public sealed class IssueQueries(IDbContextFactory<FeedbackDbContext> contextFactory)
{
    public const int MaxIssues = 50;
    public const int SampleComments = 3;

    public async Task<IReadOnlyList<IssueSummary>> ListAsync(InsightWindow window, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var top = await db.PatternDailyAggregates
            .Where(a => a.Day >= window.From && a.Day <= window.To && a.ThumbsDown > 0)
            .GroupBy(a => a.PatternKey)
            .Select(g => new { PatternKey = g.Key, Negative = g.Sum(a => a.ThumbsDown), Total = g.Sum(a => a.Total) })
            .OrderByDescending(p => p.Negative).ThenBy(p => p.PatternKey)
            .Take(MaxIssues)
            .ToListAsync(cancellationToken);
        var keys = top.Select(p => p.PatternKey).ToList();
        var queries = await db.QueryPatterns.Where(p => keys.Contains(p.Key)).ToDictionaryAsync(p => p.Key, p => p.RepresentativeQuery, cancellationToken);
        var days = await db.PatternDailyAggregates
            .Where(a => keys.Contains(a.PatternKey) && a.Day >= window.From && a.Day <= window.To)
            .Select(a => new { a.PatternKey, a.Day, a.ThumbsDown })
            .ToListAsync(cancellationToken);
        var trend = days.ToLookup(d => d.PatternKey);

        var summaries = new List<IssueSummary>();
        foreach (var p in top)
        {
            var perDay = trend[p.PatternKey].ToDictionary(d => d.Day, d => d.ThumbsDown);
            var newest = await db.Feedback.AsNoTracking()
                .Where(f => f.PatternKey == p.PatternKey && f.Type == FeedbackType.ThumbsDown && f.Comment != null
                    && f.CreatedAt >= window.StartUtc && f.CreatedAt < window.EndUtcExclusive)
                .OrderByDescending(f => f.Id)
                .Select(f => f.Comment!)
                .Take(SampleComments * 10)
                .ToListAsync(cancellationToken);
            var comments = newest.Distinct().Take(SampleComments).ToList(); // newest first, repeats folded
            summaries.Add(new IssueSummary(
                p.PatternKey, queries.GetValueOrDefault(p.PatternKey, p.PatternKey), p.Negative, p.Total,
                p.Total == 0 ? 0 : (double)p.Negative / p.Total,
                window.EachDay().Select(d => perDay.GetValueOrDefault(d)).ToList(),
                comments));
        }
        return summaries;
    }

    /// <summary>The negative feedback (thumbs-down and corrections) in one issue, newest first.</summary>
    public async Task<PagedList<RelatedFeedbackDto>> FeedbackAsync(string patternKey, InsightWindow window, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Feedback.AsNoTracking()
            .Where(f => f.PatternKey == patternKey && (f.Type == FeedbackType.ThumbsDown || f.Type == FeedbackType.Correction)
                && f.CreatedAt >= window.StartUtc && f.CreatedAt < window.EndUtcExclusive);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(f => f.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Interactions, f => f.InteractionId, i => i.Id, (f, i) => new { Feedback = f, i.Query, i.Response })
            .ToListAsync(cancellationToken);
        return new PagedList<RelatedFeedbackDto>(
            rows.Select(r => new RelatedFeedbackDto(FeedbackDto.From(r.Feedback), r.Query, r.Response, false)).ToList(), page, pageSize, total);
    }
}

/// <param name="Trend">Negative feedback per day of the window, oldest first.</param>
public sealed record IssueSummary(
    string PatternKey,
    string RepresentativeText,
    int Frequency,
    int TotalFeedback,
    double NegativeShare,
    IReadOnlyList<int> Trend,
    IReadOnlyList<string> SampleComments);
