using System.Globalization;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FeedbackDashboard.Bench;

/// <summary>
/// Fills the app's SQLite schema with realistic feedback quickly: raw prepared inserts in large
/// transactions (not EF), the daily aggregates folded in memory and upserted at the end, as the
/// app's own writer keeps them.
/// </summary>
public sealed class FeedbackFiller(string connectionString, int patterns, int days, DateTimeOffset end, int seed)
{
    private const int InteractionsPerPattern = 20;
    private const int RowsPerTransaction = 50_000;
    private static readonly string[] Sources = ["support-bot", "docs-assistant", "sales-copilot", "mobile-app"];
    private static readonly string[] Complaints = ["Wrong answer", "Outdated", "Too long", "Not what I asked", "Missing a step"];
    private static readonly string[] Models = ["gpt-4.1-mini", "claude-sonnet-4", "llama-3.3-70b"];
    private static readonly string[] PromptVersions = ["v40", "v41", "v42", "v43"];

    private readonly ValueConverter<DateTimeOffset, long> _time = new DateTimeOffsetToBinaryConverter();
    private readonly Random _random = new(seed);
    private long _nextClientId;

    public async Task CreatePatternsAsync()
    {
        await using var connection = await OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var pattern = SqliteRows.Command(connection, transaction, "INSERT INTO QueryPatterns (Key, RepresentativeQuery, CreatedAt, FromApplication) VALUES ($k, $q, $t, 1)", "$k", "$q", "$t");
        var interaction = SqliteRows.Command(connection, transaction,
            "INSERT INTO Interactions (Id, Query, Response, Source, RequestedPattern, PatternKey, Metadata, CreatedAt) VALUES ($id, $q, 'An answer.', $s, NULL, $k, $m, $t)",
            "$id", "$q", "$s", "$k", "$m", "$t");
        var created = _time.ConvertToProvider(end.AddDays(-days))!;
        for (var p = 0; p < patterns; p++)
        {
            var key = $"bench pattern {p}";
            SqliteRows.Run(pattern, key, $"Bench question {p}?", created);
            for (var i = 0; i < InteractionsPerPattern; i++)
            {
                SqliteRows.Run(interaction, $"bench-{p}-{i}", $"Bench question {p}?", Sources[p % Sources.Length], key,
                    $"{{\"model\":\"{Models[i % Models.Length]}\",\"promptVersion\":\"{PromptVersions[i % PromptVersions.Length]}\"}}", created);
            }
        }
        await transaction.CommitAsync();
    }

    /// <summary>Adds <paramref name="rows"/> feedback items spread evenly over the window, oldest first.</summary>
    public async Task FillAsync(int rows)
    {
        var daily = new Dictionary<(DateOnly, string), FeedbackCounts>();
        var perPattern = new Dictionary<(DateOnly, string, string), FeedbackCounts>();
        var segments = new Dictionary<(string, DateOnly, string, string), FeedbackCounts>();
        await using var connection = await OpenAsync();
        var start = end.AddDays(-days);
        var span = (end - start).Ticks;

        for (var done = 0; done < rows;)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            var insert = SqliteRows.Command(connection, transaction,
                "INSERT INTO Feedback (ClientId, InteractionId, Type, Rating, CorrectionText, CorrectionKind, Comment, CreatedAt, PatternKey, Source) " +
                "VALUES ($c, $i, $type, $r, $ct, $ck, $cm, $t, $p, $s)",
                "$c", "$i", "$type", "$r", "$ct", "$ck", "$cm", "$t", "$p", "$s");
            var batch = Math.Min(RowsPerTransaction, rows - done);
            for (var n = 0; n < batch; n++, done++)
            {
                var at = start.AddTicks(span / rows * done);
                var patternIndex = SkewedPattern();
                var pattern = $"bench pattern {patternIndex}";
                var source = Sources[patternIndex % Sources.Length];
                var interaction = _random.Next(InteractionsPerPattern);
                var (type, rating) = NextType();
                var correction = type == FeedbackType.Correction;
                SqliteRows.Run(insert,
                    $"bench-{Interlocked.Increment(ref _nextClientId)}",
                    $"bench-{patternIndex}-{interaction}",
                    (int)type,
                    rating,
                    correction ? "The right answer is in the handbook." : null,
                    correction ? (int)CorrectionKind.Knowledge : null,
                    type == FeedbackType.ThumbsDown && _random.Next(3) == 0 ? Complaints[_random.Next(Complaints.Length)] : null,
                    _time.ConvertToProvider(at),
                    pattern,
                    source);
                var day = DateOnly.FromDateTime(at.UtcDateTime);
                var counts = FeedbackCounts.Of(type, rating);
                daily[(day, source)] = daily.GetValueOrDefault((day, source), FeedbackCounts.Zero) + counts;
                perPattern[(day, pattern, source)] = perPattern.GetValueOrDefault((day, pattern, source), FeedbackCounts.Zero) + counts;
                // The interaction's metadata, as the app's segment aggregator folds it.
                foreach (var slot in new[] { ("model", day, Models[interaction % Models.Length], source), ("promptVersion", day, PromptVersions[interaction % PromptVersions.Length], source) })
                {
                    segments[slot] = segments.GetValueOrDefault(slot, FeedbackCounts.Zero) + counts;
                }
            }
            await transaction.CommitAsync();
        }
        await UpsertAggregatesAsync(connection, daily, perPattern, segments);
    }

    public async Task<long> CountAsync()
    {
        await using var connection = await OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Feedback";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task UpsertAggregatesAsync(SqliteConnection connection,
        Dictionary<(DateOnly, string), FeedbackCounts> daily, Dictionary<(DateOnly, string, string), FeedbackCounts> perPattern,
        Dictionary<(string, DateOnly, string, string), FeedbackCounts> segments)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var day = SqliteRows.Command(connection, transaction,
            "INSERT INTO DailyAggregates (Day, Source, ThumbsUp, ThumbsDown, Corrections, Ratings, RatingSum, Rating1, Rating2, Rating3, Rating4, Rating5) " +
            "VALUES ($d, $s, $u, $n, $c, $r, $rs, $r1, $r2, $r3, $r4, $r5) ON CONFLICT (Day, Source) DO UPDATE SET " +
            "ThumbsUp = ThumbsUp + excluded.ThumbsUp, ThumbsDown = ThumbsDown + excluded.ThumbsDown, Corrections = Corrections + excluded.Corrections, " +
            "Ratings = Ratings + excluded.Ratings, RatingSum = RatingSum + excluded.RatingSum, Rating1 = Rating1 + excluded.Rating1, " +
            "Rating2 = Rating2 + excluded.Rating2, Rating3 = Rating3 + excluded.Rating3, Rating4 = Rating4 + excluded.Rating4, Rating5 = Rating5 + excluded.Rating5",
            "$d", "$s", "$u", "$n", "$c", "$r", "$rs", "$r1", "$r2", "$r3", "$r4", "$r5");
        foreach (var ((d, source), c) in daily)
        {
            SqliteRows.Run(day, Day(d), source, c.ThumbsUp, c.ThumbsDown, c.Corrections, c.Ratings, c.RatingSum, c.Rating1, c.Rating2, c.Rating3, c.Rating4, c.Rating5);
        }
        var pattern = SqliteRows.Command(connection, transaction,
            "INSERT INTO PatternDailyAggregates (Day, PatternKey, Source, Total, ThumbsUp, ThumbsDown, LowRatings, Corrections) VALUES ($d, $p, $s, $t, $u, $n, $l, $c) " +
            "ON CONFLICT (Day, PatternKey, Source) DO UPDATE SET Total = Total + excluded.Total, ThumbsUp = ThumbsUp + excluded.ThumbsUp, " +
            "ThumbsDown = ThumbsDown + excluded.ThumbsDown, LowRatings = LowRatings + excluded.LowRatings, Corrections = Corrections + excluded.Corrections",
            "$d", "$p", "$s", "$t", "$u", "$n", "$l", "$c");
        foreach (var ((d, key, source), c) in perPattern)
        {
            SqliteRows.Run(pattern, Day(d), key, source, c.Total, c.ThumbsUp, c.ThumbsDown, c.LowRatings, c.Corrections);
        }
        var segment = SqliteRows.Command(connection, transaction,
            "INSERT INTO SegmentDailyAggregates (Key, Day, Value, Source, Total, ThumbsUp, ThumbsDown) VALUES ($k, $d, $v, $s, $t, $u, $n) " +
            "ON CONFLICT (Key, Day, Value, Source) DO UPDATE SET Total = Total + excluded.Total, ThumbsUp = ThumbsUp + excluded.ThumbsUp, ThumbsDown = ThumbsDown + excluded.ThumbsDown",
            "$k", "$d", "$v", "$s", "$t", "$u", "$n");
        foreach (var ((key, d, value, source), c) in segments)
        {
            SqliteRows.Run(segment, key, Day(d), value, source, c.Total, c.ThumbsUp, c.ThumbsDown);
        }
        await transaction.CommitAsync();
    }

    /// <summary>A few patterns draw most of the traffic, as real query distributions do.</summary>
    private int SkewedPattern() => (int)(patterns * Math.Pow(_random.NextDouble(), 2.5));

    private (FeedbackType Type, int? Rating) NextType() => _random.Next(100) switch
    {
        < 55 => (FeedbackType.ThumbsUp, null),
        < 75 => (FeedbackType.ThumbsDown, null),
        < 80 => (FeedbackType.Correction, null),
        _ => (FeedbackType.Rating, 1 + _random.Next(5)),
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<SqliteConnection> OpenAsync() => SqliteRows.OpenAsync(connectionString, largeCache: true);
}
