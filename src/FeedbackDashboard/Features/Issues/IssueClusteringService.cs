using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Operations;
using FeedbackDashboard.Features.Realtime;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Issues;

/// <summary>
/// IdentifyCommonIssues: clusters the window's negative feedback (its comment, else the query) by
/// meaning, names and persists the clusters, keeping a cluster's id when most of its members stay.
/// Between runs the pipeline adds new items to the issues (<see cref="IssueAssigner"/>). Insights and
/// the Issues page read the persisted issues and their daily counts. One run at a time, across instances.
/// </summary>
public sealed class IssueClusteringService(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    ClusteringStatus status,
    LeaseStore leases,
    IssueChangeBroadcaster changes,
    IOptions<ClusteringOptions> options,
    TimeProvider time,
    ILogger<IssueClusteringService> logger)
{
    private const string LeaseName = "issue-clustering";
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(15);

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly TextClusterer _clusterer = new(new TextClustererOptions(
        MergeSimilarity: options.Value.MergeSimilarity, NoiseMinSimilarity: options.Value.NoiseMinSimilarity));

    /// <returns>How many issues the run found.</returns>
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
            changes.Changed([]);
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
        var startedAt = time.GetUtcNow();
        var window = InsightWindow.LastDays(options.Value.WindowDays, startedAt);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var items = await NegativeItems.NewestAsync(db, window, options.Value.MaxItems, cancellationToken);
        var embedded = await NegativeItems.EmbedMissingAsync(items, embedder, (done, total) => status.Report("embedding", 0.05 + 0.75 * done / Math.Max(1, total)), cancellationToken);

        status.Report("clustering", 0.85);
        var texts = items.Select(i => i.Text).ToList();
        var vectors = items.Select(i => i.Vector!).ToList();
        var groups = _clusterer.ClusterTexts(texts, vectors, cancellationToken).Labels
            .Select((label, index) => (label, index))
            .Where(x => x.label >= 0)
            .GroupBy(x => x.label, x => x.index)
            .Select(g => g.ToList())
            .Where(g => g.Count > 1)
            .OrderByDescending(g => g.Count)
            .ToList();

        status.Report("saving", 0.95);
        var issues = await IssueDraft.AllAsync(groups.Select(g => (IReadOnlyList<NegativeItem>)g.Select(i => items[i]).ToList()).ToList(), window,
            async (phrases, token) => (await embedder.GenerateAsync(phrases, cancellationToken: token)).Select(e => e.Vector.ToArray()).ToList(), cancellationToken);
        var run = await new IssueRunWriter(db).SaveAsync(issues, window, items, embedded, startedAt, time, cancellationToken);
        logger.LogInformation("Clustered {Clustered} of {Count} negative feedback items into {Issues} issues; {Assigned} items are in an issue",
            run.ClusteredCount, run.ItemCount, run.IssueCount, run.AssignedCount);
        return run.IssueCount;
    }
}
