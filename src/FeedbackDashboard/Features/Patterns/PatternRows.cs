using FeedbackDashboard.Data;
using FeedbackDashboard.Data.Configurations;
using FeedbackDashboard.Features.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Patterns;

/// <summary>
/// The pipeline's conditional writes, a row at a time: an interaction or a feedback item takes its
/// pattern only if it has none yet (so that of two instances, one assigns it). On SQLite each is one
/// prepared statement reused for the batch, as the ingest writer's inserts are: EF Core's
/// ExecuteUpdate made a command per row (~180 µs), and the pipeline's transaction, holding the
/// database's only write lock, took ~140 ms for 256 items while ingest waited. Other providers go
/// through EF Core.
/// </summary>
public static class PatternRows
{
    /// <summary>Sets each interaction's pattern and query embedding where it has no pattern; true where this call set it.</summary>
    public static async Task<bool[]> AssignInteractionsAsync(
        FeedbackDbContext db, IReadOnlyList<(string Id, string Key, float[]? Embedding)> rows, CancellationToken cancellationToken)
    {
        var assigned = new bool[rows.Count];
        if (SqliteBatchStatement.Prepare(db, "UPDATE \"Interactions\" SET \"PatternKey\" = $key, \"QueryEmbedding\" = $value WHERE \"Id\" = $id AND \"PatternKey\" IS NULL",
                "$id", "$key", "$value") is not { } update)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var (id, key, embedding) = rows[i];
                assigned[i] = await db.Interactions.Where(x => x.Id == id && x.PatternKey == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.PatternKey, key).SetProperty(x => x.QueryEmbedding, embedding), cancellationToken) == 1;
            }
            return assigned;
        }
        await using (update)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                assigned[i] = update.Execute(rows[i].Id, rows[i].Key, EmbeddingConversion.ToBytes(rows[i].Embedding)) == 1;
            }
        }
        return assigned;
    }

    /// <summary>Sets each feedback item's pattern where it has none; true where this call set it.</summary>
    public static async Task<bool[]> AssignFeedbackAsync(FeedbackDbContext db, IReadOnlyList<(long Id, string Key)> rows, CancellationToken cancellationToken)
    {
        var assigned = new bool[rows.Count];
        if (SqliteBatchStatement.Prepare(db, "UPDATE \"Feedback\" SET \"PatternKey\" = $key WHERE \"Id\" = $id AND \"PatternKey\" IS NULL", "$id", "$key") is not { } update)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var (id, key) = rows[i];
                assigned[i] = await db.Feedback.Where(f => f.Id == id && f.PatternKey == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.PatternKey, key), cancellationToken) == 1;
            }
            return assigned;
        }
        await using (update)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                assigned[i] = update.Execute(rows[i].Id, rows[i].Key) == 1;
            }
        }
        return assigned;
    }
}
