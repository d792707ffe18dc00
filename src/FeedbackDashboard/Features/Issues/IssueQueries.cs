using System.Text.Json;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Insights;
using FeedbackDashboard.Features.Review;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Issues;

/// <summary>
/// The common issues of a window and a source: frequency and trend from the issues' daily counts
/// (kept as items join, never counted from raw rows), the feedback behind each, and the review
/// tasks of the patterns it touches.
/// </summary>
public sealed class IssueQueries(IDbContextFactory<FeedbackDbContext> contextFactory)
{
    public const int MaxIssues = 50;
    public const int MaxTasksPerIssue = 5;

    /// <summary>The current issues with feedback in the window (and source), most frequent first.</summary>
    public async Task<IReadOnlyList<IssueSummary>> ListAsync(InsightWindow window, string? source, int max = MaxIssues, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var counts = await Counts(db, window, source)
            .Join(db.IssueClusters.Where(c => c.IsCurrent), a => a.IssueClusterId, c => c.Id, (a, _) => a)
            .GroupBy(a => a.IssueClusterId)
            .Select(g => new { Id = g.Key, Frequency = g.Sum(a => a.Count) })
            .Where(x => x.Frequency > 0)
            .OrderByDescending(x => x.Frequency).ThenBy(x => x.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
        var ids = counts.Select(c => c.Id).ToList();
        var clusters = await db.IssueClusters.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var trends = await TrendsAsync(db, ids, window, source, cancellationToken);
        var tasks = await TasksAsync(db, ids, cancellationToken);
        return counts.Select(c => IssueSummary.From(clusters[c.Id], c.Frequency, trends[c.Id], tasks[c.Id].ToList())).ToList();
    }

    /// <summary>One issue, current or not, with its frequency and trend in the window.</summary>
    public async Task<IssueSummary?> GetAsync(long id, InsightWindow window, string? source, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var cluster = await db.IssueClusters.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cluster is null)
        {
            return null;
        }
        var frequency = await Counts(db, window, source).Where(a => a.IssueClusterId == id).SumAsync(a => a.Count, cancellationToken);
        var trends = await TrendsAsync(db, [id], window, source, cancellationToken);
        var tasks = await TasksAsync(db, [id], cancellationToken);
        return IssueSummary.From(cluster, frequency, trends[id], tasks[id].ToList());
    }

    /// <summary>How many of the window's negative items (thumbs-down and corrections) are in a current issue.</summary>
    public async Task<int> CountInIssuesAsync(InsightWindow window, string? source, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Counts(db, window, source)
            .Join(db.IssueClusters.Where(c => c.IsCurrent), a => a.IssueClusterId, c => c.Id, (a, _) => a.Count)
            .SumAsync(cancellationToken);
    }

    /// <summary>The window's negative items (thumbs-down and corrections) of the source, from the daily aggregates.</summary>
    public async Task<int> CountNegativeAsync(InsightWindow window, string? source, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var daily = db.DailyAggregates.Where(a => a.Day >= window.From && a.Day <= window.To);
        return await (source is null ? daily : daily.Where(a => a.Source == source)).SumAsync(a => a.ThumbsDown + a.Corrections, cancellationToken);
    }

    /// <summary>The feedback in one issue from the window (and source), with its interactions, newest first.</summary>
    public async Task<PagedList<RelatedFeedbackDto>> FeedbackAsync(
        long issueId, InsightWindow window, string? source, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var feedback = db.IssueClusterMembers.Where(m => m.IssueClusterId == issueId)
            .Join(db.Feedback, m => m.FeedbackId, f => f.Id, (_, f) => f)
            .Where(f => f.CreatedAt >= window.StartUtc && f.CreatedAt < window.EndUtcExclusive);
        if (source is not null)
        {
            feedback = feedback.Where(f => f.Source == source);
        }
        var total = await feedback.CountAsync(cancellationToken);
        var rows = await feedback
            .OrderByDescending(f => f.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Interactions, f => f.InteractionId, i => i.Id, (f, i) => new { Feedback = f, i.Query, i.Response })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return new PagedList<RelatedFeedbackDto>(
            rows.Select(r => new RelatedFeedbackDto(FeedbackDto.From(r.Feedback), r.Query, r.Response, false)).ToList(), page, pageSize, total);
    }

    /// <summary>When the issues were last computed, by any instance.</summary>
    public async Task<IssueRun?> LastRunAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.IssueRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static IQueryable<IssueDailyAggregate> Counts(FeedbackDbContext db, InsightWindow window, string? source)
    {
        var counts = db.IssueDailyAggregates.Where(a => a.Day >= window.From && a.Day <= window.To);
        return source is null ? counts : counts.Where(a => a.Source == source);
    }

    private static async Task<Dictionary<long, int[]>> TrendsAsync(
        FeedbackDbContext db, IReadOnlyList<long> ids, InsightWindow window, string? source, CancellationToken cancellationToken)
    {
        var rows = await Counts(db, window, source).Where(a => ids.Contains(a.IssueClusterId))
            .GroupBy(a => new { a.IssueClusterId, a.Day })
            .Select(g => new { g.Key.IssueClusterId, g.Key.Day, Count = g.Sum(a => a.Count) })
            .ToListAsync(cancellationToken);
        var byIssue = rows.ToLookup(r => r.IssueClusterId);
        return ids.ToDictionary(id => id, id =>
        {
            var perDay = byIssue[id].ToDictionary(r => r.Day, r => r.Count);
            return window.EachDay().Select(d => perDay.GetValueOrDefault(d)).ToArray();
        });
    }

    /// <summary>For each issue, the open (or in-review) tasks of the patterns its members came from, most severe first.</summary>
    private static async Task<ILookup<long, IssueTask>> TasksAsync(FeedbackDbContext db, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var patterns = await db.IssueClusterMembers.Where(m => ids.Contains(m.IssueClusterId))
            .Join(db.Feedback, m => m.FeedbackId, f => f.Id, (m, f) => new { m.IssueClusterId, f.PatternKey })
            .Where(x => x.PatternKey != null)
            .Distinct()
            .ToListAsync(cancellationToken);
        var keys = patterns.Select(p => p.PatternKey!).Distinct().ToList();
        var tasks = await db.ReviewTasks.AsNoTracking().Where(t => t.ActivePatternKey != null && keys.Contains(t.ActivePatternKey))
            .Select(t => new { t.PatternKey, t.Id, t.Priority, t.Status, t.Severity, t.RepresentativeQuery })
            .ToListAsync(cancellationToken);
        var byPattern = tasks.ToDictionary(t => t.PatternKey);
        return patterns
            .Where(p => byPattern.ContainsKey(p.PatternKey!))
            .Select(p => (p.IssueClusterId, Task: byPattern[p.PatternKey!]))
            .OrderByDescending(x => x.Task.Severity).ThenByDescending(x => x.Task.Id)
            .ToLookup(x => x.IssueClusterId, x => new IssueTask(x.Task.Id, x.Task.RepresentativeQuery, x.Task.Priority, x.Task.Status, x.Task.Severity));
    }
}

/// <summary>A common issue: what it is about, how often in the window, its daily trend over the window, and what users said.</summary>
/// <param name="Frequency">Its negative items in the window (and source).</param>
/// <param name="TotalFrequency">Every item in it, whenever it arrived.</param>
/// <param name="IsCurrent">False when the latest run no longer found it (an old link).</param>
/// <param name="ReviewTasks">Open or in-review tasks of the patterns its items came from, most severe first.</param>
public sealed record IssueSummary(
    long Id,
    string Label,
    string RepresentativeText,
    int Frequency,
    int TotalFrequency,
    IReadOnlyList<int> Trend,
    IReadOnlyList<string> SampleComments,
    bool IsCurrent,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset ComputedAt,
    IReadOnlyList<IssueTask> ReviewTasks)
{
    public static IssueSummary From(IssueCluster c, int frequency, IReadOnlyList<int> trend, IReadOnlyList<IssueTask> tasks) => new(
        c.Id, c.Label, c.RepresentativeText, frequency, c.Frequency, trend,
        JsonSerializer.Deserialize<string[]>(c.SamplesJson) ?? [],
        c.IsCurrent, c.FirstSeenAt, c.ComputedAt, tasks.Take(IssueQueries.MaxTasksPerIssue).ToList());
}

/// <summary>A review task linked from an issue: its page is /tasks/{id}.</summary>
public sealed record IssueTask(long Id, string RepresentativeQuery, ReviewPriority Priority, ReviewTaskStatus Status, double Severity);
