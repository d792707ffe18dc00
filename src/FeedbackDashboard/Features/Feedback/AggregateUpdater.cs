using System.Globalization;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Feedback;

/// <summary>
/// Folds newly stored feedback into the daily aggregates inside the caller's transaction, as
/// atomic increments in SQL, so concurrent writers never lose a count.
/// </summary>
public sealed class AggregateUpdater
{
    // On SQLite one statement a (day, source): EF Core's ExecuteUpdate, then an insert when it matched
    // nothing, was ~0.2 ms of a group commit's ~1.5 (the writer's step timings).
    private const string UpsertDailySql =
        "INSERT INTO \"DailyAggregates\" (\"Day\", \"Source\", \"ThumbsUp\", \"ThumbsDown\", \"Corrections\", \"Ratings\", \"RatingSum\", " +
        "\"Rating1\", \"Rating2\", \"Rating3\", \"Rating4\", \"Rating5\") " +
        "VALUES ($day, $source, $up, $down, $corrections, $ratings, $sum, $r1, $r2, $r3, $r4, $r5) " +
        "ON CONFLICT (\"Day\", \"Source\") DO UPDATE SET \"ThumbsUp\" = \"ThumbsUp\" + excluded.\"ThumbsUp\", " +
        "\"ThumbsDown\" = \"ThumbsDown\" + excluded.\"ThumbsDown\", \"Corrections\" = \"Corrections\" + excluded.\"Corrections\", " +
        "\"Ratings\" = \"Ratings\" + excluded.\"Ratings\", \"RatingSum\" = \"RatingSum\" + excluded.\"RatingSum\", " +
        "\"Rating1\" = \"Rating1\" + excluded.\"Rating1\", \"Rating2\" = \"Rating2\" + excluded.\"Rating2\", \"Rating3\" = \"Rating3\" + excluded.\"Rating3\", " +
        "\"Rating4\" = \"Rating4\" + excluded.\"Rating4\", \"Rating5\" = \"Rating5\" + excluded.\"Rating5\"";

    public async Task ApplyAsync(FeedbackDbContext db, IReadOnlyCollection<UserFeedback> stored, CancellationToken cancellationToken)
    {
        await using var upsert = SqliteBatchStatement.Prepare(db, UpsertDailySql,
            "$day", "$source", "$up", "$down", "$corrections", "$ratings", "$sum", "$r1", "$r2", "$r3", "$r4", "$r5");
        foreach (var group in stored.GroupBy(f => (Day: DayOf(f), f.Source)))
        {
            var add = Sum(group);
            var (day, source) = group.Key;
            if (upsert is not null)
            {
                // A DateOnly is stored as EF Core's SQLite provider stores it: the ISO date as text.
                upsert.Execute(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), source, add.ThumbsUp, add.ThumbsDown, add.Corrections,
                    add.Ratings, add.RatingSum, add.Rating1, add.Rating2, add.Rating3, add.Rating4, add.Rating5);
                continue;
            }
            var updated = await db.DailyAggregates
                .Where(a => a.Day == day && a.Source == source)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.ThumbsUp, a => a.ThumbsUp + add.ThumbsUp)
                    .SetProperty(a => a.ThumbsDown, a => a.ThumbsDown + add.ThumbsDown)
                    .SetProperty(a => a.Corrections, a => a.Corrections + add.Corrections)
                    .SetProperty(a => a.Ratings, a => a.Ratings + add.Ratings)
                    .SetProperty(a => a.RatingSum, a => a.RatingSum + add.RatingSum)
                    .SetProperty(a => a.Rating1, a => a.Rating1 + add.Rating1)
                    .SetProperty(a => a.Rating2, a => a.Rating2 + add.Rating2)
                    .SetProperty(a => a.Rating3, a => a.Rating3 + add.Rating3)
                    .SetProperty(a => a.Rating4, a => a.Rating4 + add.Rating4)
                    .SetProperty(a => a.Rating5, a => a.Rating5 + add.Rating5),
                    cancellationToken);
            if (updated == 0)
            {
                db.DailyAggregates.Add(new DailyAggregate
                {
                    Day = day, Source = source,
                    ThumbsUp = add.ThumbsUp, ThumbsDown = add.ThumbsDown, Corrections = add.Corrections,
                    Ratings = add.Ratings, RatingSum = add.RatingSum,
                    Rating1 = add.Rating1, Rating2 = add.Rating2, Rating3 = add.Rating3, Rating4 = add.Rating4, Rating5 = add.Rating5,
                });
            }
        }

        await AddToPatternsAsync(db, stored.Where(f => f.PatternKey is not null), cancellationToken);
    }

    /// <summary>
    /// Folds feedback into its pattern's daily aggregate, by source. Called once per item, by whoever
    /// sets its pattern key: the ingest transaction when the pattern was known, else the pipeline's.
    /// </summary>
    public async Task AddToPatternsAsync(FeedbackDbContext db, IEnumerable<UserFeedback> assigned, CancellationToken cancellationToken)
    {
        foreach (var group in assigned.GroupBy(f => (Day: DayOf(f), PatternKey: f.PatternKey!, f.Source)))
        {
            var add = Sum(group);
            var (day, pattern, source) = group.Key;
            var updated = await db.PatternDailyAggregates
                .Where(a => a.Day == day && a.PatternKey == pattern && a.Source == source)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Total, a => a.Total + add.Total)
                    .SetProperty(a => a.ThumbsUp, a => a.ThumbsUp + add.ThumbsUp)
                    .SetProperty(a => a.ThumbsDown, a => a.ThumbsDown + add.ThumbsDown)
                    .SetProperty(a => a.LowRatings, a => a.LowRatings + add.LowRatings)
                    .SetProperty(a => a.Corrections, a => a.Corrections + add.Corrections),
                    cancellationToken);
            if (updated == 0)
            {
                db.PatternDailyAggregates.Add(new PatternDailyAggregate
                {
                    Day = day, PatternKey = pattern, Source = source,
                    Total = add.Total, ThumbsUp = add.ThumbsUp, ThumbsDown = add.ThumbsDown,
                    LowRatings = add.LowRatings, Corrections = add.Corrections,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateOnly DayOf(UserFeedback feedback) => DateOnly.FromDateTime(feedback.CreatedAt.UtcDateTime);

    private static FeedbackCounts Sum(IEnumerable<UserFeedback> feedback) =>
        feedback.Aggregate(FeedbackCounts.Zero, (sum, f) => sum + FeedbackCounts.Of(f.Type, f.Rating));
}
