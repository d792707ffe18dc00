using System.Text.Json;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Issues;

/// <summary>
/// Saves a clustering run in one transaction: the issues that continue keep their ids (by the
/// overlap of their members), the others are retired, and every placed item is written as a member
/// with its issue's daily counts and frequency. Items that arrived while the run computed are then
/// matched to the new issues. The run's row is the generation the pipeline checks its cached centres
/// against, in the same transaction, so no item is left behind.
/// </summary>
public sealed class IssueRunWriter(FeedbackDbContext db)
{
    private const int PageSize = 5_000;

    /// <param name="issueOfItem">For each item of <paramref name="corpus"/>, its issue's index in <paramref name="issues"/>, or -1.</param>
    public async Task<IssueRun> SaveAsync(
        IReadOnlyList<IssueDraft> issues, NegativeCorpus corpus, int[] issueOfItem, InsightWindow window,
        DateTimeOffset startedAt, TimeProvider time, CancellationToken cancellationToken) =>
        await db.TransactAsync(async token =>
        {
            await IssueMembership.StoreCommentEmbeddingsAsync(db, corpus.NewCommentEmbeddings(), token);
            var continues = await MatchPreviousAsync(issues.Count, corpus, issueOfItem, token);

            var current = await db.IssueClusters.Where(c => c.IsCurrent).Select(c => c.Id).ToListAsync(token);
            await db.IssueClusterMembers.Where(m => current.Contains(m.IssueClusterId)).ExecuteDeleteAsync(token);
            await db.IssueDailyAggregates.Where(a => current.Contains(a.IssueClusterId)).ExecuteDeleteAsync(token);
            await db.IssueClusters.Where(c => c.IsCurrent).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsCurrent, false), token);

            var now = time.GetUtcNow();
            var daily = DailyCounts(corpus, issueOfItem, issues.Count);
            var ids = new long[issues.Count];
            var centres = new List<IssueCentre>();
            for (var k = 0; k < issues.Count; k++)
            {
                ids[k] = await SaveIssueAsync(issues[k], continues[k], daily[k], window, now, token);
                centres.Add(new IssueCentre(ids[k], issues[k].Centre, issues[k].AssignThreshold));
            }
            await IssueMembership.InsertMembersAsync(db, Enumerable.Range(0, issueOfItem.Length).Where(i => issueOfItem[i] >= 0)
                .Select(i => (ids[issueOfItem[i]], corpus.Items[i].Id)), token);
            db.IssueDailyAggregates.AddRange(daily.SelectMany((days, k) => days.Select(d =>
                new IssueDailyAggregate { IssueClusterId = ids[k], Day = d.Key.Day, Source = d.Key.Source, Count = d.Value })));
            await db.SaveChangesAsync(token);

            var assigned = issueOfItem.Count(k => k >= 0);
            var late = 0;
            if (centres.Count > 0)
            {
                await foreach (var page in NegativeItems.AfterAsync(db, window, corpus.LastId, PageSize, token))
                {
                    late += page.Count;
                    var joins = page.Where(item => item.Vector is not null)
                        .Select(item => IssueAssignment.Nearest(centres, item.Vector) is { } id ? new IssueJoin(item.Id, id, item.CreatedAt, item.Source) : null)
                        .OfType<IssueJoin>().ToList();
                    await IssueMembership.JoinAsync(db, joins, token);
                    assigned += joins.Count;
                }
            }

            var run = new IssueRun
            {
                StartedAt = startedAt, FinishedAt = time.GetUtcNow(), ItemCount = corpus.Items.Count + late, ClusteredCount = corpus.Sample.Count,
                AssignedCount = assigned, IssueCount = issues.Count,
            };
            db.IssueRuns.Add(run);
            await db.SaveChangesAsync(token);
            db.ChangeTracker.Clear();
            return run;
        }, cancellationToken);

    /// <summary>For each new issue, the id of the current issue it continues, or null.</summary>
    private async Task<long?[]> MatchPreviousAsync(int count, NegativeCorpus corpus, int[] issueOfItem, CancellationToken cancellationToken)
    {
        var previous = new Dictionary<long, long>();
        await foreach (var member in db.IssueClusterMembers.AsNoTracking()
                           .Join(db.IssueClusters.Where(c => c.IsCurrent), m => m.IssueClusterId, c => c.Id, (m, _) => m)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            previous[member.FeedbackId] = member.IssueClusterId;
        }
        return ClusterIdentity.Match(corpus.Items.Select(i => i.Id).ToList(), issueOfItem, count, previous);
    }

    private static List<Dictionary<(DateOnly Day, string Source), int>> DailyCounts(NegativeCorpus corpus, int[] issueOfItem, int count)
    {
        var daily = Enumerable.Range(0, count).Select(_ => new Dictionary<(DateOnly, string), int>()).ToList();
        for (var i = 0; i < issueOfItem.Length; i++)
        {
            if (issueOfItem[i] >= 0)
            {
                var item = corpus.Items[i];
                var key = (DateOnly.FromDateTime(item.CreatedAt.UtcDateTime), corpus.SourceOf(item));
                var days = daily[issueOfItem[i]];
                days[key] = days.GetValueOrDefault(key) + 1;
            }
        }
        return daily;
    }

    private async Task<long> SaveIssueAsync(IssueDraft draft, long? continued, Dictionary<(DateOnly Day, string Source), int> daily, InsightWindow window,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cluster = continued is { } id
            ? await db.IssueClusters.SingleAsync(c => c.Id == id, cancellationToken)
            : db.IssueClusters.Add(new IssueCluster { Label = "", RepresentativeText = "", TrendJson = "[]", SamplesJson = "[]", FirstSeenAt = now }).Entity;
        var perDay = daily.GroupBy(d => d.Key.Day).ToDictionary(g => g.Key, g => g.Sum(d => d.Value));
        cluster.Label = draft.Label;
        cluster.RepresentativeText = draft.RepresentativeText;
        cluster.TrendJson = JsonSerializer.Serialize(window.EachDay().Select(d => perDay.GetValueOrDefault(d)));
        cluster.SamplesJson = draft.SamplesJson;
        cluster.Centre = draft.Centre;
        cluster.AssignThreshold = draft.AssignThreshold;
        cluster.Frequency = daily.Values.Sum();
        cluster.IsCurrent = true;
        cluster.ComputedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return cluster.Id;
    }
}
