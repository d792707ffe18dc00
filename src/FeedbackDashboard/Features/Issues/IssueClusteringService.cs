using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Issues;

/// <summary>
/// IdentifyCommonIssues: clusters the window's negative feedback (its comment, else the query) by
/// meaning and places every item (<see cref="IssueRecluster"/>), keeping an issue's id when most of its members stay.
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
        var run = await new IssueRecluster(contextFactory, embedder, options.Value, time).RunAsync(status.Report, cancellationToken);
        logger.LogInformation("Clustered a sample of {Clustered} of {Count} negative feedback items into {Issues} issues; {Assigned} items are in an issue",
            run.ClusteredCount, run.ItemCount, run.IssueCount, run.AssignedCount);
        return run.IssueCount;
    }
}
