using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Data;
using FeedbackDashboard.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Issues;

/// <summary>
/// The writes that put negative feedback into issues, inside the caller's transaction: a member row,
/// the issue's count for the item's day and source, and its frequency, together, so that what the
/// pages read from the daily counts always equals the members.
/// </summary>
public static class IssueMembership
{
    private const int EfChunk = 10_000;

    /// <summary>
    /// Adds each item to its issue unless it is already in a current issue (a batch run again after a
    /// crash, or an item a clustering run placed first). Returns the issues that grew.
    /// </summary>
    public static async Task<IReadOnlySet<long>> JoinAsync(FeedbackDbContext db, IReadOnlyList<IssueJoin> joins, CancellationToken cancellationToken)
    {
        if (joins.Count == 0)
        {
            return new HashSet<long>();
        }
        var ids = joins.Select(j => j.FeedbackId).Distinct().ToList();
        var placed = (await db.IssueClusterMembers.Where(m => ids.Contains(m.FeedbackId))
                .Join(db.IssueClusters.Where(c => c.IsCurrent), m => m.IssueClusterId, c => c.Id, (m, _) => m.FeedbackId)
                .ToListAsync(cancellationToken))
            .ToHashSet();
        var fresh = joins.Where(j => placed.Add(j.FeedbackId)).ToList();
        if (!await WritePreparedAsync(db, fresh))
        {
            db.IssueClusterMembers.AddRange(fresh.Select(j => new IssueClusterMember { IssueClusterId = j.IssueId, FeedbackId = j.FeedbackId }));
            await db.SaveChangesAsync(cancellationToken);
            await CountAsync(db, fresh, cancellationToken);
        }
        return fresh.Select(j => j.IssueId).ToHashSet();
    }

    /// <summary>
    /// On SQLite, the member rows, the daily upserts and the frequency updates as prepared statements: a
    /// pipeline batch touches a few hundred (issue, day, source) counts, each an EF Core command otherwise.
    /// </summary>
    private static async Task<bool> WritePreparedAsync(FeedbackDbContext db, IReadOnlyList<IssueJoin> members)
    {
        var insert = PrepareMemberInsert(db);
        if (insert is null)
        {
            return false;
        }
        await using (insert)
        await using (var upsert = SqliteBatchStatement.Prepare(db,
                         "INSERT INTO \"IssueDailyAggregates\" (\"IssueClusterId\", \"Day\", \"Source\", \"Count\") VALUES ($issue, $day, $source, $count) " +
                         "ON CONFLICT (\"IssueClusterId\", \"Day\", \"Source\") DO UPDATE SET \"Count\" = \"Count\" + excluded.\"Count\"",
                         "$issue", "$day", "$source", "$count")!)
        await using (var frequency = SqliteBatchStatement.Prepare(db, "UPDATE \"IssueClusters\" SET \"Frequency\" = \"Frequency\" + $count WHERE \"Id\" = $issue", "$count", "$issue")!)
        {
            foreach (var member in members)
            {
                insert.Execute(member.IssueId, member.FeedbackId);
            }
            foreach (var day in members.GroupBy(j => (j.IssueId, Day: DateOnly.FromDateTime(j.CreatedAt.UtcDateTime), j.Source)))
            {
                upsert.Execute(day.Key.IssueId, day.Key.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), day.Key.Source, day.Count());
            }
            foreach (var issue in members.GroupBy(j => j.IssueId))
            {
                frequency.Execute(issue.Count(), issue.Key);
            }
        }
        return true;
    }

    /// <summary>
    /// Writes member rows only (a clustering run counts its members itself): a prepared statement on
    /// SQLite, EF Core in chunks elsewhere.
    /// </summary>
    public static async Task InsertMembersAsync(FeedbackDbContext db, IEnumerable<(long IssueId, long FeedbackId)> members, CancellationToken cancellationToken)
    {
        if (PrepareMemberInsert(db) is { } insert)
        {
            await using (insert)
            {
                foreach (var (issue, feedback) in members)
                {
                    insert.Execute(issue, feedback);
                }
            }
            return;
        }
        foreach (var chunk in members.Chunk(EfChunk))
        {
            db.IssueClusterMembers.AddRange(chunk.Select(m => new IssueClusterMember { IssueClusterId = m.IssueId, FeedbackId = m.FeedbackId }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private static SqliteBatchStatement? PrepareMemberInsert(FeedbackDbContext db) =>
        SqliteBatchStatement.Prepare(db, "INSERT INTO \"IssueClusterMembers\" (\"IssueClusterId\", \"FeedbackId\") VALUES ($issue, $feedback)", "$issue", "$feedback");

    /// <summary>Counts members (already written) in the daily aggregates and the issues' frequencies.</summary>
    private static async Task CountAsync(FeedbackDbContext db, IReadOnlyList<IssueJoin> members, CancellationToken cancellationToken)
    {
        foreach (var day in members.GroupBy(j => (j.IssueId, Day: DateOnly.FromDateTime(j.CreatedAt.UtcDateTime), j.Source)))
        {
            var (issue, date, source) = day.Key;
            var count = day.Count();
            var updated = await db.IssueDailyAggregates.Where(a => a.IssueClusterId == issue && a.Day == date && a.Source == source)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Count, a => a.Count + count), cancellationToken);
            if (updated == 0)
            {
                db.IssueDailyAggregates.Add(new IssueDailyAggregate { IssueClusterId = issue, Day = date, Source = source, Count = count });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var issue in members.GroupBy(j => j.IssueId))
        {
            var count = issue.Count();
            await db.IssueClusters.Where(c => c.Id == issue.Key).ExecuteUpdateAsync(s => s.SetProperty(c => c.Frequency, c => c.Frequency + count), cancellationToken);
        }
    }

    /// <summary>Stores the comment embeddings the pipeline or a run computed, so that no comment is embedded twice.</summary>
    public static async Task StoreCommentEmbeddingsAsync(FeedbackDbContext db, IReadOnlyList<(long FeedbackId, float[] Vector)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        if (SqliteBatchStatement.Prepare(db, "UPDATE \"Feedback\" SET \"CommentEmbedding\" = $value WHERE \"Id\" = $id", "$id", "$value") is { } update)
        {
            await using (update)
            {
                foreach (var (id, vector) in rows)
                {
                    update.Execute(id, EmbeddingConversion.ToHalfBytes(vector));
                }
            }
            return;
        }
        foreach (var (id, vector) in rows)
        {
            await db.Feedback.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.CommentEmbedding, vector), cancellationToken);
        }
    }
}

/// <summary>A negative item and the issue it joins.</summary>
public sealed record IssueJoin(long FeedbackId, long IssueId, DateTimeOffset CreatedAt, string Source);
