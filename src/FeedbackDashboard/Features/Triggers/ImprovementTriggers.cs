using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Realtime;
using FeedbackDashboard.Features.Review;

namespace FeedbackDashboard.Features.Triggers;

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
    public async Task<TriggerResult> CheckAsync(UserFeedback feedback, DateTimeOffset now, CancellationToken cancellationToken) =>
        Logged(await trigger.EvaluateAsync(feedback, await triggerSettings.GetAsync(cancellationToken), now, cancellationToken), feedback);

    private TriggerResult Logged(TriggerResult result, UserFeedback feedback)
    {
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
        var raised = new List<ReviewTaskDto>();
        var raisedAt = new Dictionary<long, DateTimeOffset>();
        var joined = new HashSet<long>();
        void Record(TriggerResult result, UserFeedback item)
        {
            switch (result)
            {
                case { Outcome: TriggerOutcome.Raised, Task: { } task }:
                    // Pushed as it was just written: a new task has no assignee or note to read back.
                    raised.Add(ReviewTaskDto.From(task, item, []));
                    raisedAt[task.Id] = item.CreatedAt;
                    break;
                case { Outcome: TriggerOutcome.Joined, Task: { } task }:
                    joined.Add(task.Id);
                    break;
            }
        }

        var patterns = feedback.GroupBy(f => f.PatternKey!).ToList();
        var settings = await triggerSettings.GetAsync(cancellationToken);
        // The patterns that have an active task take their items in one write.
        var joinedActive = await trigger.JoinActiveAsync(patterns, settings, now, cancellationToken);
        foreach (var pattern in patterns.Where(p => joinedActive.ContainsKey(p.Key)))
        {
            Record(joinedActive[pattern.Key], pattern.MaxBy(f => f.Id)!);
        }
        // Of the others, those where nothing fires are read together; the rest open a task, one by one.
        var quiet = await trigger.EvaluateQuietAsync(patterns.Where(p => !joinedActive.ContainsKey(p.Key)).ToList(), settings, cancellationToken);
        foreach (var pattern in patterns.Where(p => !joinedActive.ContainsKey(p.Key) && !quiet.ContainsKey(p.Key)))
        {
            // Oldest first, with one read of the pattern's window, until the pattern has an active task
            // (raised or found); the rest of the batch then joins it in one write instead of one each.
            var items = pattern.OrderBy(f => f.Id).ToList();
            var (next, result) = await trigger.EvaluateUntilChangeAsync(items, settings, now, cancellationToken);
            Record(Logged(result, items[next - 1]), items[next - 1]);
            var rest = items.Skip(next).ToList();
            if (rest.Count == 0)
            {
                continue;
            }
            if (await trigger.JoinManyAsync(pattern.Key, rest, settings, now, cancellationToken) is { } joinedAll)
            {
                Record(joinedAll, rest[^1]);
                continue;
            }
            foreach (var item in rest) // the task was closed meanwhile
            {
                Record(await CheckAsync(item, now, cancellationToken), item);
            }
        }

        // A task raised and then joined by a later item of the same batch is pushed as it ends up.
        var grown = joined.Where(raisedAt.ContainsKey).ToList();
        if (grown.Count > 0)
        {
            var current = (await reviewTasks.GetManyAsync(grown, cancellationToken)).ToDictionary(t => t.Id);
            raised = raised.Select(t => current.GetValueOrDefault(t.Id, t)).ToList();
        }
        foreach (var task in raised)
        {
            await notifier.TaskCreatedAsync(task);
            telemetry.PushLatency.Record(Math.Max(0, (time.GetUtcNow() - raisedAt[task.Id]).TotalMilliseconds));
        }
        joined.ExceptWith(raisedAt.Keys);
        if (joined.Count > 0)
        {
            foreach (var task in await reviewTasks.GetManyAsync(joined, cancellationToken))
            {
                await notifier.TaskUpdatedAsync(task);
            }
        }
    }
}
