using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Segments;

/// <summary>Reads one key's values from the segment aggregates (never raw feedback), most feedback first.</summary>
public sealed class SegmentQueries(IDbContextFactory<FeedbackDbContext> contextFactory, SegmentSettingsStore settings)
{
    public async Task<IReadOnlyList<string>> KeysAsync(CancellationToken cancellationToken = default) => (await settings.GetAsync(cancellationToken)).Keys;

    public async Task<SegmentInsights> ReadAsync(string key, InsightWindow window, string? source, CancellationToken cancellationToken = default)
    {
        var keys = await KeysAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.SegmentDailyAggregates.AsNoTracking().Where(a => a.Key == key && a.Day >= window.From && a.Day <= window.To);
        if (source is not null)
        {
            rows = rows.Where(a => a.Source == source);
        }
        var sums = await rows.GroupBy(a => new { a.Value, a.Day })
            .Select(g => new { g.Key.Value, g.Key.Day, Total = g.Sum(a => a.Total), Up = g.Sum(a => a.ThumbsUp), Down = g.Sum(a => a.ThumbsDown) })
            .ToListAsync(cancellationToken);
        var items = sums.GroupBy(s => s.Value)
            .Select(value =>
            {
                var byDay = value.ToDictionary(s => s.Day);
                var total = value.Sum(s => s.Total);
                var up = value.Sum(s => s.Up);
                var daily = window.EachDay().Select(day => byDay.TryGetValue(day, out var s)
                    ? new SegmentDay(day, s.Total, s.Total == 0 ? null : InsightMath.PositiveRate(s.Up, s.Total))
                    : new SegmentDay(day, 0, null)).ToList();
                return new SegmentInsight(value.Key, total, InsightMath.PositiveRate(up, total), InsightMath.ThumbsUpShare(up, value.Sum(s => s.Down)), daily);
            })
            .Where(i => i.TotalFeedback > 0)
            .OrderByDescending(i => i.TotalFeedback).ThenBy(i => i.Value, StringComparer.Ordinal)
            .ToList();
        return new SegmentInsights(key, window.Days, window.From, window.To, source, keys, items);
    }
}
