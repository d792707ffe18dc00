using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Issues;

/// <summary>
/// Saves a clustering run in one transaction: the issues that continue keep their ids, the others
/// are retired, the members and their daily counts are written anew, and then every other negative
/// item of the window that has a vector (older than the clustered sample, or arrived while the run
/// computed) joins the nearest new issue that is close enough. The run's row is the generation the
/// pipeline checks its cached centres against, in the same transaction, so no item is left behind.
/// </summary>
public sealed class IssueRunWriter(FeedbackDbContext db)
{
    private const int PageSize = 5_000;

    public async Task<IssueRun> SaveAsync(
        IReadOnlyList<IssueDraft> issues, InsightWindow window, IReadOnlyList<NegativeItem> sample,
        IReadOnlyList<(long FeedbackId, float[] Vector)> newEmbeddings, DateTimeOffset startedAt, TimeProvider time, CancellationToken cancellationToken) =>
        await db.TransactAsync(async token =>
        {
            await IssueMembership.StoreCommentEmbeddingsAsync(db, newEmbeddings, token);
            var previous = (await db.IssueClusterMembers.AsNoTracking()
                    .Join(db.IssueClusters.Where(c => c.IsCurrent), m => m.IssueClusterId, c => c.Id, (m, _) => m)
                    .ToListAsync(token))
                .GroupBy(m => m.IssueClusterId)
                .ToDictionary(g => g.Key, g => (IReadOnlySet<long>)g.Select(m => m.FeedbackId).ToHashSet());
            var continues = ClusterIdentity.Match(issues.Select(i => (IReadOnlySet<long>)i.Members.Select(m => m.Id).ToHashSet()).ToList(), previous);

            var current = await db.IssueClusters.Where(c => c.IsCurrent).Select(c => c.Id).ToListAsync(token);
            await db.IssueClusterMembers.Where(m => current.Contains(m.IssueClusterId)).ExecuteDeleteAsync(token);
            await db.IssueDailyAggregates.Where(a => current.Contains(a.IssueClusterId)).ExecuteDeleteAsync(token);
            await db.IssueClusters.Where(c => c.IsCurrent).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsCurrent, false), token);

            var now = time.GetUtcNow();
            var centres = new List<IssueCentre>();
            var assigned = 0;
            for (var i = 0; i < issues.Count; i++)
            {
                var issue = await SaveIssueAsync(issues[i], continues[i], now, token);
                centres.Add(new IssueCentre(issue.Id, issues[i].Centre, issues[i].AssignThreshold));
                assigned += issues[i].Members.Count;
            }

            var itemCount = sample.Count;
            if (sample.Count > 0 && centres.Count > 0)
            {
                await foreach (var page in NegativeItems.OutsideAsync(db, window, sample.Min(s => s.Id), sample.Max(s => s.Id), PageSize, token))
                {
                    itemCount += page.Count;
                    var joins = page.Where(item => item.Vector is not null)
                        .Select(item => IssueAssignment.Nearest(centres, item.Vector) is { } id ? new IssueJoin(item.Id, id, item.CreatedAt, item.Source) : null)
                        .OfType<IssueJoin>().ToList();
                    await IssueMembership.JoinAsync(db, joins, token);
                    assigned += joins.Count;
                }
            }

            var run = new IssueRun
            {
                StartedAt = startedAt, FinishedAt = time.GetUtcNow(), ItemCount = itemCount, ClusteredCount = sample.Count,
                AssignedCount = assigned, IssueCount = issues.Count,
            };
            db.IssueRuns.Add(run);
            await db.SaveChangesAsync(token);
            return run;
        }, cancellationToken);

    private async Task<IssueCluster> SaveIssueAsync(IssueDraft draft, long? continued, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cluster = continued is { } id
            ? await db.IssueClusters.SingleAsync(c => c.Id == id, cancellationToken)
            : db.IssueClusters.Add(new IssueCluster { Label = "", RepresentativeText = "", TrendJson = "[]", SamplesJson = "[]", FirstSeenAt = now }).Entity;
        cluster.Label = draft.Label;
        cluster.RepresentativeText = draft.RepresentativeText;
        cluster.TrendJson = draft.TrendJson;
        cluster.SamplesJson = draft.SamplesJson;
        cluster.Centre = draft.Centre;
        cluster.AssignThreshold = draft.AssignThreshold;
        cluster.Frequency = 0; // counted below, with the daily aggregates
        cluster.IsCurrent = true;
        cluster.ComputedAt = now;
        await db.SaveChangesAsync(cancellationToken);

        db.IssueClusterMembers.AddRange(draft.Members.Select(m => new IssueClusterMember { IssueClusterId = cluster.Id, FeedbackId = m.Id }));
        await db.SaveChangesAsync(cancellationToken);
        await IssueMembership.CountAsync(db, draft.Members.Select(m => new IssueJoin(m.Id, cluster.Id, m.CreatedAt, m.Source)).ToList(), cancellationToken);
        return cluster;
    }
}
