using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Operations;

/// <summary>
/// Deletes raw feedback older than <see cref="RetentionOptions.FeedbackDays"/> in batches, on one
/// instance at a time (a lease), keeping the daily aggregates, the review tasks' counts and the
/// corrections. Interactions left without feedback go too.
/// </summary>
public sealed class RetentionWorker(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    LeaseStore leases,
    IOptionsMonitor<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionWorker> logger) : BackgroundService
{
    private const string LeaseName = "retention";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (options.CurrentValue.FeedbackDays > 0)
                {
                    await RunOnceAsync(stoppingToken);
                }
                await Task.Delay(TimeSpan.FromMinutes(options.CurrentValue.IntervalMinutes), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Retention failed; it runs again at the next interval");
                await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <returns>How many feedback items were deleted.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (settings.FeedbackDays <= 0 || !await leases.TryAcquireAsync(LeaseName, TimeSpan.FromMinutes(30), cancellationToken))
        {
            return 0;
        }
        try
        {
            var cutoff = time.GetUtcNow().AddDays(-settings.FeedbackDays);
            var feedback = 0;
            int deleted;
            do
            {
                await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
                deleted = await db.TransactAsync(async token =>
                {
                    var ids = await db.Feedback.Where(f => f.CreatedAt < cutoff).OrderBy(f => f.Id).Select(f => f.Id).Take(settings.BatchSize).ToListAsync(token);
                    await db.ReviewTaskFeedback.Where(r => ids.Contains(r.FeedbackId)).ExecuteDeleteAsync(token);
                    return await db.Feedback.Where(f => ids.Contains(f.Id)).ExecuteDeleteAsync(token);
                }, cancellationToken);
                feedback += deleted;
            }
            while (deleted == settings.BatchSize);

            var interactions = 0;
            do
            {
                await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
                var ids = await db.Interactions.Where(i => i.CreatedAt < cutoff && !db.Feedback.Any(f => f.InteractionId == i.Id))
                    .Select(i => i.Id).Take(settings.BatchSize).ToListAsync(cancellationToken);
                deleted = await db.Interactions.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
                interactions += deleted;
            }
            while (deleted == settings.BatchSize);

            if (feedback + interactions > 0)
            {
                logger.LogInformation("Retention: deleted {Feedback} feedback items and {Interactions} interactions older than {Days} days",
                    feedback, interactions, settings.FeedbackDays);
            }
            return feedback;
        }
        finally
        {
            await leases.ReleaseAsync(LeaseName, CancellationToken.None);
        }
    }
}
