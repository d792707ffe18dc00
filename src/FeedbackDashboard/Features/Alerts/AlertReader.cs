using FeedbackDashboard.Core.Alerts;
using FeedbackDashboard.Core.Changes;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Alerts;

/// <summary>
/// Measures one rule now. Item windows walk the feedback index backwards for at most 2N rows;
/// minute windows count in SQL. A segment's items are told by their interaction's metadata, so a
/// segment rule reads at most <see cref="MaxSegmentScan"/> recent rows of its source and pattern.
/// </summary>
public sealed class AlertReader
{
    public const int MaxSegmentScan = 5_000;

    public async Task<AlertReading> ReadAsync(FeedbackDbContext db, AlertRule rule, DateTimeOffset now, CancellationToken cancellationToken) => rule.Metric switch
    {
        AlertMetric.PositiveRate => await PositiveRateAsync(db, rule, now, cancellationToken),
        AlertMetric.TaskSeverity => await TaskSeverityAsync(db, rule, cancellationToken),
        AlertMetric.ChangeWorse => await ChangeWorseAsync(db, rule, cancellationToken),
        _ => AlertReading.Unknown,
    };

    private static async Task<AlertReading> PositiveRateAsync(FeedbackDbContext db, AlertRule rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var feedback = db.Feedback.AsNoTracking();
        if (rule.Source is { } source)
        {
            feedback = feedback.Where(f => f.Source == source);
        }
        if (rule.Pattern is { } pattern)
        {
            feedback = feedback.Where(f => f.PatternKey == pattern);
        }
        var minItems = AlertCondition.MinItemsOf(rule);
        var drop = rule.DropBy is not null;

        if (rule.WindowItems is { } n)
        {
            var types = await NewestTypesAsync(db, feedback, rule, drop ? 2 * n : n, cancellationToken);
            var current = Count(types.Take(n));
            (int, int)? previous = drop ? Count(types.Skip(n).Take(n)) : null;
            return AlertCondition.PositiveRate(rule, current, previous, minItems);
        }

        var span = TimeSpan.FromMinutes(rule.WindowMinutes!.Value);
        var currentWindow = await WindowAsync(db, feedback, rule, now - span, now, cancellationToken);
        (int, int)? previousWindow = drop ? await WindowAsync(db, feedback, rule, now - 2 * span, now - span, cancellationToken) : null;
        return AlertCondition.PositiveRate(rule, currentWindow, previousWindow, minItems);
    }

    private static async Task<(int Up, int Total)> WindowAsync(FeedbackDbContext db, IQueryable<UserFeedback> feedback, AlertRule rule,
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var inWindow = feedback.Where(f => f.CreatedAt >= from && f.CreatedAt < to);
        if (rule.SegmentKey is not null)
        {
            return Count(await NewestTypesAsync(db, inWindow, rule, MaxSegmentScan, cancellationToken));
        }
        var byType = await inWindow.GroupBy(f => f.Type).Select(g => new { Type = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return (byType.Where(t => t.Type == FeedbackType.ThumbsUp).Sum(t => t.Count), byType.Sum(t => t.Count));
    }

    /// <summary>The newest items' types, newest first; for a segment rule, only items whose interaction carries the segment's value.</summary>
    private static async Task<List<FeedbackType>> NewestTypesAsync(FeedbackDbContext db, IQueryable<UserFeedback> feedback, AlertRule rule, int count,
        CancellationToken cancellationToken)
    {
        var newest = feedback.OrderByDescending(f => f.Id);
        if (rule.SegmentKey is not { } key)
        {
            return await newest.Take(count).Select(f => f.Type).ToListAsync(cancellationToken);
        }
        var rows = await newest.Take(MaxSegmentScan)
            .Join(db.Interactions, f => f.InteractionId, i => i.Id, (f, i) => new { f.Id, f.Type, i.Metadata })
            .OrderByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Metadata.TryGetValue(key, out var value) && value.Trim() == rule.SegmentValue)
            .Take(count).Select(r => r.Type).ToList();
    }

    private static (int Up, int Total) Count(IEnumerable<FeedbackType> types)
    {
        int up = 0, total = 0;
        foreach (var type in types)
        {
            total++;
            up += type == FeedbackType.ThumbsUp ? 1 : 0;
        }
        return (up, total);
    }

    private static async Task<AlertReading> TaskSeverityAsync(FeedbackDbContext db, AlertRule rule, CancellationToken cancellationToken)
    {
        var tasks = db.ReviewTasks.AsNoTracking().Where(t => t.Status == ReviewTaskStatus.Open || t.Status == ReviewTaskStatus.InReview);
        if (rule.Source is { } source)
        {
            tasks = tasks.Where(t => t.Source == source);
        }
        if (rule.Pattern is { } pattern)
        {
            tasks = tasks.Where(t => t.PatternKey == pattern);
        }
        var highest = await tasks.MaxAsync(t => (double?)t.Severity, cancellationToken);
        return new AlertReading(highest > rule.Above, highest);
    }

    private static async Task<AlertReading> ChangeWorseAsync(FeedbackDbContext db, AlertRule rule, CancellationToken cancellationToken)
    {
        var judged = db.Changes.AsNoTracking().Where(c => c.JudgedAt != null);
        if (rule.Source is { } source)
        {
            judged = judged.Where(c => c.Source == source || c.Source == null);
        }
        var recent = await judged.OrderByDescending(c => c.JudgedAt).ThenByDescending(c => c.Id).Take(50).ToListAsync(cancellationToken);
        var newest = recent.FirstOrDefault(c => rule.Pattern is null || c.PatternKeys.Contains(rule.Pattern));
        return newest is null ? new AlertReading(false, null) : new AlertReading(newest.Verdict == ChangeVerdict.Worse, newest.Difference);
    }
}
