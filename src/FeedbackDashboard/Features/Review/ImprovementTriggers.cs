using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Admin;
using FeedbackDashboard.Features.Realtime;

namespace FeedbackDashboard.Features.Review;

/// <summary>Runs the trigger for feedback whose pattern is known, and pushes what it raised or changed.</summary>
public sealed class ImprovementTriggers(
    ReviewTaskTrigger trigger,
    TriggerSettingsStore triggerSettings,
    ReviewTaskQueries reviewTasks,
    ReviewNotifier notifier,
    Operations.Telemetry telemetry,
    TimeProvider time,
    ILogger<ImprovementTriggers> logger)
{
    /// <summary>
    /// Looks at the pattern's last items (this one included): opens a review when the negative
    /// share passes the threshold, or adds the item to the pattern's active review.
    /// </summary>
    public async Task<TriggerResult> CheckAsync(UserFeedback feedback, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = await trigger.EvaluateAsync(feedback, await triggerSettings.GetAsync(cancellationToken), now, cancellationToken);
        if (result is { Outcome: TriggerOutcome.Raised, Task: { } task })
        {
            telemetry.TasksRaised.Add(1);
            logger.LogInformation(
                "Review task {TaskId} raised for pattern {PatternKey} by feedback {FeedbackId}: {Negatives} of {Count} negative, priority {Priority}",
                task.Id, task.PatternKey, feedback.Id, result.Evaluation.NegativeCount, result.Evaluation.WindowCount, task.Priority);
        }
        return result;
    }

    /// <summary>Checks items oldest first, then pushes once per task however many items touched it: created, or updated.</summary>
    public async Task CheckAllAsync(IEnumerable<UserFeedback> feedback, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var raised = new HashSet<long>();
        var joined = new HashSet<long>();
        var committedAt = new Dictionary<long, DateTimeOffset>();
        foreach (var item in feedback.OrderBy(f => f.Id))
        {
            switch (await CheckAsync(item, now, cancellationToken))
            {
                case { Outcome: TriggerOutcome.Raised, Task: { } task }:
                    raised.Add(task.Id);
                    committedAt[task.Id] = item.CreatedAt;
                    break;
                case { Outcome: TriggerOutcome.Joined, Task: { } task }:
                    joined.Add(task.Id);
                    break;
            }
        }

        joined.ExceptWith(raised);
        if (raised.Count + joined.Count == 0)
        {
            return;
        }
        foreach (var task in await reviewTasks.GetManyAsync([.. raised, .. joined], cancellationToken))
        {
            if (raised.Contains(task.Id))
            {
                await notifier.TaskCreatedAsync(task);
                telemetry.PushLatency.Record(Math.Max(0, (time.GetUtcNow() - committedAt[task.Id]).TotalMilliseconds));
            }
            else
            {
                await notifier.TaskUpdatedAsync(task);
            }
        }
    }
}
