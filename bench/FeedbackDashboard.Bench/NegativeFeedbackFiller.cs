using System.Globalization;
using System.Runtime.InteropServices;
using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Feedback;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FeedbackDashboard.Bench;

/// <summary>
/// Writes negative feedback made from labelled texts into the app's SQLite schema as the app stores it
/// (a thumbs-down or correction with its comment and the comment's float16 embedding, its interaction,
/// the daily aggregates), with the variation real feedback has: popular texts sent again and again
/// word for word, and a long tail of one-off rewordings ("hi, ... ref #48213") whose vectors are the
/// original's moved a little (cosine about 0.96). Returns each item's gold label, in id order.
/// </summary>
public sealed class NegativeFeedbackFiller(string connectionString, DateTimeOffset end, int days, int seed, double variantShare = NegativeFeedbackFiller.DefaultVariantShare, double noise = NegativeFeedbackFiller.DefaultNoise)
{
    private const int Interactions = 1_000;
    private const int RowsPerTransaction = 50_000;
    public const double DefaultVariantShare = 0.35;

    /// <summary>The standard deviation added to each of a variant's dimensions before it is normalised again.</summary>
    public const double DefaultNoise = 0.015;
    private static readonly string[] Sources = ["support-bot", "docs-assistant", "sales-copilot", "mobile-app"];
    private static readonly string[] Prefixes = ["", "", "hi, ", "hello ", "please help: ", "urgent: ", "again, ", "ok so "];
    private static readonly string[] Suffixes = ["", "", "?", " please", " thanks", "!!", " asap", " today", " again"];

    private readonly ValueConverter<DateTimeOffset, long> _time = new DateTimeOffsetToBinaryConverter();
    private readonly Random _random = new(seed);
    private long _written;

    /// <param name="texts">The labelled texts.</param>
    /// <param name="vectors">Their embeddings (unit length).</param>
    /// <param name="labels">Their gold labels.</param>
    public async Task<int[]> FillAsync(IReadOnlyList<string> texts, IReadOnlyList<float[]> vectors, IReadOnlyList<int> labels, int count, bool vary, Action<int>? progress = null)
    {
        await using var connection = await OpenAsync();
        if (_written == 0)
        {
            await CreateInteractionsAsync(connection);
        }
        var popularity = Popularity(texts.Count);
        var exact = vectors.Select(v => HalfBytes(v)).ToArray();
        var gold = new int[count];
        var daily = new Dictionary<(DateOnly, string), (int Down, int Corrections)>();
        var start = end.AddDays(-days);
        for (var done = 0; done < count;)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            var insert = SqliteRows.Command(connection, transaction,
                "INSERT INTO Feedback (ClientId, InteractionId, Type, Comment, CommentEmbedding, CreatedAt, PatternKey, Source) VALUES ($c, $i, $type, $cm, $e, $t, 'scale pattern', $s)",
                "$c", "$i", "$type", "$cm", "$e", "$t", "$s");
            var rows = Math.Min(RowsPerTransaction, count - done);
            for (var n = 0; n < rows; n++, done++)
            {
                // Without variation every text is sent once, in order: the gold standard as it is.
                var text = vary ? Pick(popularity) : done % texts.Count;
                var variant = vary && _random.NextDouble() < variantShare;
                var interaction = _random.Next(Interactions);
                var source = Sources[interaction % Sources.Length];
                var type = _random.Next(10) == 0 ? FeedbackType.Correction : FeedbackType.ThumbsDown;
                var at = start.AddTicks((long)((end - start).Ticks * ((done + 0.5) / count)));
                SqliteRows.Run(insert,
                    $"scale-{seed}-{++_written}",
                    $"scale-interaction-{interaction}",
                    (int)type,
                    variant ? Reword(texts[text]) : texts[text],
                    variant ? HalfBytes(Perturb(vectors[text])) : exact[text],
                    _time.ConvertToProvider(at),
                    source);
                gold[done] = labels[text];
                var key = (DateOnly.FromDateTime(at.UtcDateTime), source);
                var (down, corrections) = daily.GetValueOrDefault(key);
                daily[key] = type == FeedbackType.Correction ? (down, corrections + 1) : (down + 1, corrections);
            }
            await transaction.CommitAsync();
            progress?.Invoke(done);
        }
        await AddDailyAsync(connection, daily);
        return gold;
    }

    /// <summary>A few texts are sent far more often than the rest, as real complaints are.</summary>
    private double[] Popularity(int count)
    {
        var order = Enumerable.Range(0, count).OrderBy(_ => _random.Next()).ToArray();
        var weights = new double[count];
        for (var rank = 0; rank < count; rank++)
        {
            weights[order[rank]] = 1.0 / (rank + 100);
        }
        var cumulative = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            cumulative[i] = sum += weights[i];
        }
        return cumulative.Select(c => c / sum).ToArray();
    }

    private int Pick(double[] cumulative)
    {
        var at = Array.BinarySearch(cumulative, _random.NextDouble());
        return Math.Min(cumulative.Length - 1, at >= 0 ? at : ~at);
    }

    private string Reword(string text)
    {
        var reference = _random.Next(2) == 0 ? string.Create(CultureInfo.InvariantCulture, $" ref #{_random.Next(100_000)}") : "";
        return Prefixes[_random.Next(Prefixes.Length)] + text + Suffixes[_random.Next(Suffixes.Length)] + reference;
    }

    private float[] Perturb(float[] vector)
    {
        var moved = new float[vector.Length];
        for (var i = 0; i < moved.Length; i++)
        {
            // Box-Muller: a normal deviate per dimension.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
            moved[i] = vector[i] + (float)(noise * gaussian);
        }
        VectorMath.Normalize(moved);
        return moved;
    }

    private static byte[] HalfBytes(float[] vector)
    {
        var halves = vector.Select(v => (Half)v).ToArray();
        return MemoryMarshal.AsBytes(halves.AsSpan()).ToArray();
    }

    private async Task CreateInteractionsAsync(SqliteConnection connection)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var created = _time.ConvertToProvider(end.AddDays(-days - 1))!;
        SqliteRows.Run(SqliteRows.Command(connection, transaction, "INSERT INTO QueryPatterns (Key, RepresentativeQuery, CreatedAt, FromApplication) VALUES ('scale pattern', 'A banking question?', $t, 1)", "$t"), created);
        var interaction = SqliteRows.Command(connection, transaction,
            "INSERT INTO Interactions (Id, Query, Response, Source, RequestedPattern, PatternKey, Metadata, CreatedAt) VALUES ($id, $q, 'An answer.', $s, NULL, 'scale pattern', '{}', $t)",
            "$id", "$q", "$s", "$t");
        for (var i = 0; i < Interactions; i++)
        {
            SqliteRows.Run(interaction, $"scale-interaction-{i}", $"Banking question {i}?", Sources[i % Sources.Length], created);
        }
        await transaction.CommitAsync();
    }

    private static async Task AddDailyAsync(SqliteConnection connection, Dictionary<(DateOnly, string), (int Down, int Corrections)> daily)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var upsert = SqliteRows.Command(connection, transaction,
            "INSERT INTO DailyAggregates (Day, Source, ThumbsUp, ThumbsDown, Corrections, Ratings, RatingSum, Rating1, Rating2, Rating3, Rating4, Rating5) " +
            "VALUES ($d, $s, 0, $n, $c, 0, 0, 0, 0, 0, 0, 0) ON CONFLICT (Day, Source) DO UPDATE SET " +
            "ThumbsDown = ThumbsDown + excluded.ThumbsDown, Corrections = Corrections + excluded.Corrections",
            "$d", "$s", "$n", "$c");
        foreach (var ((day, source), (down, corrections)) in daily)
        {
            SqliteRows.Run(upsert, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), source, down, corrections);
        }
        await transaction.CommitAsync();
    }

    private Task<SqliteConnection> OpenAsync() => SqliteRows.OpenAsync(connectionString);
}
