using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Core.Triggers;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Review;

/// <summary>
/// Reads what <see cref="TaskHealth"/> needs for one task: its pattern's newest items (two windows,
/// or the recovery run and a window) by the (PatternKey, Id) index, and the pattern's feedback of the
/// last 7 days from its daily aggregates. Two small reads, inside the caller's context.
/// </summary>
public sealed class TaskHealthReader(IOptionsMonitor<ReviewOptions> options, TimeProvider time)
{
    public async Task<TaskHealthAssessment> AssessAsync(FeedbackDbContext db, ReviewTask task, TriggerOptions triggers, CancellationToken cancellationToken)
    {
        var recoveringAfter = options.CurrentValue.RecoveringAfterItems;
        var newest = await db.Feedback.AsNoTracking()
            .Where(f => f.PatternKey == task.PatternKey)
            .OrderByDescending(f => f.Id)
            .Take(TaskHealth.ItemsNeeded(triggers, recoveringAfter))
            .Select(f => new { f.Id, f.Type, f.Rating })
            .ToListAsync(cancellationToken);
        var since = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1 - TaskHealth.ReachDays);
        var reach = await db.PatternDailyAggregates
            .Where(a => a.PatternKey == task.PatternKey && a.Day >= since)
            .SumAsync(a => a.Total, cancellationToken);
        return TaskHealth.Assess(
            newest.Select(f => new FeedbackSignal(f.Type, f.Rating)).ToList(),
            newest.Count(f => f.Id > task.TriggerFeedbackId),
            reach, triggers, recoveringAfter);
    }
}
