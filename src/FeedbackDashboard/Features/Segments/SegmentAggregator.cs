using System.Globalization;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Segments;

/// <summary>
/// Folds newly stored feedback into the per-day segment aggregates inside the caller's transaction:
/// for each aggregated key the interaction's metadata carries, one increment per (key, day, value, source).
/// </summary>
public sealed class SegmentAggregator(SegmentSettingsStore settings, SegmentValueCatalog catalog)
{
    private const string UpsertSql =
        "INSERT INTO \"SegmentDailyAggregates\" (\"Key\", \"Day\", \"Value\", \"Source\", \"Total\", \"ThumbsUp\", \"ThumbsDown\") " +
        "VALUES ($key, $day, $value, $source, $total, $up, $down) " +
        "ON CONFLICT (\"Key\", \"Day\", \"Value\", \"Source\") DO UPDATE SET \"Total\" = \"Total\" + excluded.\"Total\", " +
        "\"ThumbsUp\" = \"ThumbsUp\" + excluded.\"ThumbsUp\", \"ThumbsDown\" = \"ThumbsDown\" + excluded.\"ThumbsDown\"";

    /// <summary>Adds the rows to the context (SQL Server) or writes them (SQLite); the caller's SaveChanges commits both.</summary>
    public async Task ApplyAsync(FeedbackDbContext db, IReadOnlyCollection<UserFeedback> stored, IReadOnlyDictionary<string, Interaction> interactions,
        CancellationToken cancellationToken)
    {
        var options = await settings.GetAsync(cancellationToken);
        if (options.Keys.Count == 0)
        {
            return;
        }
        var increments = new Dictionary<(string Key, DateOnly Day, string Value, string Source), FeedbackCounts>();
        foreach (var feedback in stored)
        {
            if (!interactions.TryGetValue(feedback.InteractionId, out var interaction) || interaction.Metadata.Count == 0)
            {
                continue;
            }
            foreach (var key in options.Keys)
            {
                if (!interaction.Metadata.TryGetValue(key, out var raw) || Normalise(raw) is not { } value)
                {
                    continue;
                }
                var resolved = await catalog.ResolveAsync(db, key, value, options.MaxValues, cancellationToken);
                var slot = (key, DateOnly.FromDateTime(feedback.CreatedAt.UtcDateTime), resolved, feedback.Source);
                increments[slot] = increments.GetValueOrDefault(slot, FeedbackCounts.Zero) + FeedbackCounts.Of(feedback.Type, feedback.Rating);
            }
        }
        if (increments.Count == 0)
        {
            return;
        }

        await using var upsert = SqliteBatchStatement.Prepare(db, UpsertSql, "$key", "$day", "$value", "$source", "$total", "$up", "$down");
        foreach (var ((key, day, value, source), add) in increments)
        {
            if (upsert is not null)
            {
                upsert.Execute(key, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), value, source, add.Total, add.ThumbsUp, add.ThumbsDown);
                continue;
            }
            var updated = await db.SegmentDailyAggregates
                .Where(a => a.Key == key && a.Day == day && a.Value == value && a.Source == source)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Total, a => a.Total + add.Total)
                    .SetProperty(a => a.ThumbsUp, a => a.ThumbsUp + add.ThumbsUp)
                    .SetProperty(a => a.ThumbsDown, a => a.ThumbsDown + add.ThumbsDown), cancellationToken);
            if (updated == 0)
            {
                db.SegmentDailyAggregates.Add(new SegmentDailyAggregate
                {
                    Key = key, Day = day, Value = value, Source = source, Total = add.Total, ThumbsUp = add.ThumbsUp, ThumbsDown = add.ThumbsDown,
                });
            }
        }
    }

    /// <summary>Trimmed, at most the column's length; blank is no value.</summary>
    public static string? Normalise(string raw)
    {
        var value = raw.Trim();
        return value.Length == 0 ? null : value.Length <= SegmentDailyAggregate.MaxValueLength ? value : value[..SegmentDailyAggregate.MaxValueLength];
    }
}
