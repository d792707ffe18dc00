using System.Collections.Concurrent;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Segments;

/// <summary>
/// Keeps each key to its cap of distinct values: a value already aggregated stays itself, a new one
/// is admitted while the key has fewer than MaxValues, else it counts as "other". The known values
/// are cached and read again from the aggregates on a miss. Two instances admitting new values at the
/// same moment can pass the cap by one or two; nothing else depends on it being exact.
/// </summary>
public sealed class SegmentValueCatalog
{
    private readonly ConcurrentDictionary<string, HashSet<string>> _known = new(StringComparer.Ordinal);

    public async ValueTask<string> ResolveAsync(FeedbackDbContext db, string key, string value, int maxValues, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(key, out var cached))
        {
            lock (cached)
            {
                if (cached.Contains(value))
                {
                    return value;
                }
                if (cached.Count >= maxValues)
                {
                    // Full: a key fed endless new values (an id by mistake) costs no query per item.
                    return SegmentOptions.OtherValue;
                }
            }
        }
        var stored = await db.SegmentDailyAggregates.AsNoTracking().Where(a => a.Key == key && a.Value != SegmentOptions.OtherValue)
            .Select(a => a.Value).Distinct().ToListAsync(cancellationToken);
        var known = _known.AddOrUpdate(key, _ => new HashSet<string>(stored, StringComparer.Ordinal), (_, set) =>
        {
            lock (set)
            {
                set.UnionWith(stored);
            }
            return set;
        });
        lock (known)
        {
            if (known.Contains(value))
            {
                return value;
            }
            if (known.Count < maxValues)
            {
                known.Add(value);
                return value;
            }
        }
        return SegmentOptions.OtherValue;
    }
}
