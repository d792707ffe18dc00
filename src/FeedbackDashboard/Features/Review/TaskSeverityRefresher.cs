using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Core.Triggers;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Review;

/// <summary>
/// Assesses every open or in-review task again: once at start (tasks from before severity existed,
/// or a changed setting), then every Review:SeverityRefreshMinutes, because a pattern's reach of the
/// last 7 days falls as days pass without feedback. A change is written without touching the task's
/// version (a reviewer's claim in flight is not refused for it) and pushed.
/// </summary>
public sealed class TaskSeverityRefresher(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    TaskHealthReader health,
    ITriggerOptionsSource triggerSettings,
    ReviewTaskQueries queries,
    ReviewNotifier notifier,
    IOptions<ReviewOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<TaskSeverityRefresher> logger) : BackgroundService
{
    // Tasks whose 7-day reach is read in one query.
    private const int AssessedTogether = 500;

    /// <returns>The tasks whose severity or recovery changed.</returns>
    public async Task<IReadOnlyList<long>> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var triggers = await triggerSettings.GetAsync(cancellationToken);
        var changed = new List<long>();
        var active = await db.ReviewTasks.AsNoTracking().Where(t => t.ActivePatternKey != null).ToListAsync(cancellationToken);
        foreach (var tasks in active.Chunk(AssessedTogether))
        {
            var assessments = await health.AssessManyAsync(db, tasks, triggers, cancellationToken);
            for (var i = 0; i < tasks.Length; i++)
            {
                var task = tasks[i];
                if (!task.ApplyHealth(assessments[i]))
                {
                    continue;
                }
                await db.ReviewTasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Severity, task.Severity)
                    .SetProperty(t => t.Recovering, task.Recovering)
                    .SetProperty(t => t.CurrentNegativeShare, task.CurrentNegativeShare)
                    .SetProperty(t => t.RecentReach, task.RecentReach), cancellationToken);
                changed.Add(task.Id);
            }
        }
        if (changed.Count > 0)
        {
            foreach (var task in await queries.GetManyAsync(changed, cancellationToken))
            {
                await notifier.TaskUpdatedAsync(task);
            }
        }
        return changed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, lifetime.ApplicationStarted).ContinueWith(_ => { }, TaskScheduler.Default);
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SeverityRefreshMinutes), time);
            do
            {
                try
                {
                    await RefreshAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Refreshing the review tasks' severity failed; it runs again at the next tick");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
