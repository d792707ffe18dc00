using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Core.Triggers;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Review;

/// <summary>
/// Reads what <see cref="TaskHealth"/> needs for a task: its pattern's newest items (two windows,
/// or the recovery run and a window) by the (PatternKey, Id) index, and the pattern's feedback of the
/// last 7 days from its daily aggregates. Small reads, inside the caller's context; for many tasks at
/// once (a pipeline batch joins a hundred), the aggregates are one read for all.
/// </summary>
public sealed class TaskHealthReader(IOptionsMonitor<ReviewOptions> options, TimeProvider time)
{
    // Compiled once: run for every task a batch joins, where EF Core's per-call work on a LINQ query was a good part of each read.
    private static readonly Func<FeedbackDbContext, string, int, IAsyncEnumerable<FeedbackSignalRow>> Newest =
        EF.CompileAsyncQuery((FeedbackDbContext db, string patternKey, int count) => db.Feedback.AsNoTracking()
            .Where(f => f.PatternKey == patternKey)
            .OrderByDescending(f => f.Id)
            .Take(count)
            .Select(f => new FeedbackSignalRow(f.Id, f.Type, f.Rating)));

    public async Task<TaskHealthAssessment> AssessAsync(FeedbackDbContext db, ReviewTask task, TriggerOptions triggers, CancellationToken cancellationToken) =>
        (await AssessManyAsync(db, [task], triggers, cancellationToken))[0];

    /// <summary>Each task's assessment, in the order given.</summary>
    public async Task<IReadOnlyList<TaskHealthAssessment>> AssessManyAsync(
        FeedbackDbContext db, IReadOnlyList<ReviewTask> tasks, TriggerOptions triggers, CancellationToken cancellationToken)
    {
        var recoveringAfter = options.CurrentValue.RecoveringAfterItems;
        var since = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1 - TaskHealth.ReachDays);
        var keys = tasks.Select(t => t.PatternKey).Distinct().ToList();
        var reach = await db.PatternDailyAggregates
            .Where(a => keys.Contains(a.PatternKey) && a.Day >= since)
            .GroupBy(a => a.PatternKey)
            .Select(g => new { g.Key, Total = g.Sum(a => a.Total) })
            .ToDictionaryAsync(r => r.Key, r => r.Total, StringComparer.Ordinal, cancellationToken);
        var assessments = new List<TaskHealthAssessment>(tasks.Count);
        foreach (var task in tasks)
        {
            var newest = new List<FeedbackSignalRow>();
            await foreach (var row in Newest(db, task.PatternKey, TaskHealth.ItemsNeeded(triggers, recoveringAfter)).WithCancellation(cancellationToken))
            {
                newest.Add(row);
            }
            assessments.Add(TaskHealth.Assess(
                newest.Select(f => new FeedbackSignal(f.Type, f.Rating)).ToList(),
                newest.Count(f => f.Id > task.TriggerFeedbackId),
                reach.GetValueOrDefault(task.PatternKey), triggers, recoveringAfter));
        }
        return assessments;
    }

    private sealed record FeedbackSignalRow(long Id, FeedbackType Type, int? Rating);
}
