using System.Text.Json;
using FeedbackDashboard.Core.Clustering;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Scaling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Clustering;

/// <summary>
/// IdentifyCommonIssues: clusters the window's negative feedback (its comment, else the query) by
/// meaning, names and persists the clusters, keeping a cluster's id when most of its members stay.
/// Insights and the Issues page read the persisted clusters. One run at a time per instance.
/// </summary>
public sealed class IssueClusteringService(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    IEmbedder embedder,
    ClusteringStatus status,
    LeaseStore leases,
    IOptions<ClusteringOptions> options,
    TimeProvider time,
    ILogger<IssueClusteringService> logger)
{
    private const int EmbeddingSlices = 10;
    private const string LeaseName = "issue-clustering";
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(15);
    public const int SampleCount = 3;

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly TextClusterer _clusterer = new(embedder);

    /// <returns>How many clusters the run found.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (!await leases.TryAcquireAsync(LeaseName, LeaseDuration, cancellationToken))
            {
                logger.LogInformation("Another instance is computing the issues; this one skips the run");
                return 0;
            }
            var found = await RunOnceAsync(cancellationToken);
            status.Finish(time.GetUtcNow(), null);
            return found;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Clustering the negative feedback failed");
            status.Finish(time.GetUtcNow(), e.Message);
            throw;
        }
        finally
        {
            await leases.ReleaseAsync(LeaseName, CancellationToken.None);
            _oneAtATime.Release();
        }
    }

    private async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        status.Report("reading feedback", 0);
        var now = time.GetUtcNow();
        var window = InsightWindow.LastDays(options.Value.WindowDays, now);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var items = await db.Feedback.AsNoTracking()
            .Where(f => (f.Type == FeedbackType.ThumbsDown || f.Type == FeedbackType.Correction) && f.CreatedAt >= window.StartUtc)
            .OrderByDescending(f => f.Id)
            .Take(options.Value.MaxItems)
            .Join(db.Interactions, f => f.InteractionId, i => i.Id, (f, i) => new { f.Id, f.Comment, f.CreatedAt, i.Query, i.QueryEmbedding })
            .ToListAsync(cancellationToken);
        var texts = items.Select(x => string.IsNullOrWhiteSpace(x.Comment) ? x.Query : x.Comment).ToList();

        // Items without a comment are clustered by their question, whose embedding the pipeline stored.
        var vectors = items.Select(x => string.IsNullOrWhiteSpace(x.Comment) ? x.QueryEmbedding : null).ToArray();
        var missing = Enumerable.Range(0, items.Count).Where(i => vectors[i] is null).ToList();
        var slice = Math.Max(1, (missing.Count + EmbeddingSlices - 1) / EmbeddingSlices);
        for (var start = 0; start < missing.Count; start += slice)
        {
            status.Report("embedding", 0.05 + 0.75 * start / Math.Max(1, missing.Count));
            var part = missing.Skip(start).Take(slice).ToList();
            var embedded = embedder.Embed(part.Select(i => texts[i]).ToList(), cancellationToken);
            for (var k = 0; k < part.Count; k++)
            {
                vectors[part[k]] = embedded[k];
            }
        }

        status.Report("clustering", 0.85);
        var groups = texts.Count == 0
            ? []
            : _clusterer.ClusterVectors(vectors!, cancellationToken).Labels
                .Select((label, index) => (label, index))
                .Where(x => x.label >= 0)
                .GroupBy(x => x.label, x => x.index)
                .Select(g => g.ToList())
                .Where(g => g.Count > 1)
                .OrderByDescending(g => g.Count)
                .ToList();

        status.Report("saving", 0.95);
        var previous = (await db.IssueClusterMembers.AsNoTracking()
                .Join(db.IssueClusters.Where(c => c.IsCurrent), m => m.IssueClusterId, c => c.Id, (m, _) => m)
                .ToListAsync(cancellationToken))
            .GroupBy(m => m.IssueClusterId)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<long>)g.Select(m => m.FeedbackId).ToHashSet());
        var memberSets = groups.Select(g => (IReadOnlySet<long>)g.Select(i => items[i].Id).ToHashSet()).ToList();
        var continues = ClusterIdentity.Match(memberSets, previous);
        var clusterTexts = groups.Select(g => (IReadOnlyList<string>)g.Select(i => texts[i]).ToList()).ToList();

        await db.TransactAsync(async cancellationToken =>
        {
            await db.IssueClusterMembers.Where(m => previous.Keys.Contains(m.IssueClusterId)).ExecuteDeleteAsync(cancellationToken);
            await db.IssueClusters.Where(c => c.IsCurrent).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsCurrent, false), cancellationToken);
            for (var g = 0; g < groups.Count; g++)
            {
                var members = groups[g];
                var cluster = continues[g] is { } id
                    ? await db.IssueClusters.SingleAsync(c => c.Id == id, cancellationToken)
                    : db.IssueClusters.Add(new IssueCluster { Label = "", RepresentativeText = "", TrendJson = "[]", SamplesJson = "[]", FirstSeenAt = now }).Entity;
                var perDay = members.GroupBy(i => DateOnly.FromDateTime(items[i].CreatedAt.UtcDateTime)).ToDictionary(d => d.Key, d => d.Count());
                cluster.Label = Fit(IssueLabeler.Label(clusterTexts[g], clusterTexts), IssueCluster.MaxLabelLength);
                cluster.RepresentativeText = Fit(texts[NearestCentre(members, vectors!)], IssueCluster.MaxTextLength);
                cluster.Frequency = members.Count;
                cluster.TrendJson = JsonSerializer.Serialize(window.EachDay().Select(d => perDay.GetValueOrDefault(d)));
                cluster.SamplesJson = JsonSerializer.Serialize(members.Select(i => items[i].Comment).OfType<string>()
                    .Where(c => c.Length > 0).Distinct().Take(SampleCount).ToList());
                cluster.IsCurrent = true;
                cluster.ComputedAt = now;
                await db.SaveChangesAsync(cancellationToken);
                db.IssueClusterMembers.AddRange(members.Select(i => new IssueClusterMember { IssueClusterId = cluster.Id, FeedbackId = items[i].Id }));
            }
            await db.SaveChangesAsync(cancellationToken);
            return groups.Count;
        }, cancellationToken);
        logger.LogInformation("Clustered {Count} negative feedback items into {Clusters} issues", items.Count, groups.Count);
        return groups.Count;
    }

    /// <summary>The member most like the cluster as a whole: its representative.</summary>
    private static int NearestCentre(List<int> members, IReadOnlyList<float[]> vectors)
    {
        var centre = new float[vectors[members[0]].Length];
        foreach (var i in members)
        {
            for (var d = 0; d < centre.Length; d++)
            {
                centre[d] += vectors[i][d];
            }
        }
        VectorMath.Normalize(centre);
        return members.MaxBy(i => VectorMath.Dot(vectors[i], centre));
    }

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
