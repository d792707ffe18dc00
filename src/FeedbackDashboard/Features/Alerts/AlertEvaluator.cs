using System.Globalization;
using FeedbackDashboard.Core.Alerts;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Realtime;
using FeedbackDashboard.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Alerts;

/// <summary>
/// Evaluates every enabled rule and writes only transitions: a rule that starts to hold fires, one
/// that fired and stopped holding resolves. Each transition is a claim on the rule's row (only a rule
/// still in its old state changes), an alert event and a webhook, in one transaction, so with several
/// instances it happens once.
/// </summary>
public sealed class AlertEvaluator(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    AlertReader reader,
    WebhookOutbox outbox,
    ReviewNotifier notifier,
    TimeProvider time,
    ILogger<AlertEvaluator> logger)
{
    /// <summary>Returns the number of transitions.</summary>
    public async Task<int> EvaluateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rules = await db.AlertRules.AsNoTracking().Where(r => r.Enabled).ToListAsync(cancellationToken);
        var transitions = 0;
        var now = time.GetUtcNow();
        foreach (var rule in rules)
        {
            var reading = await reader.ReadAsync(db, rule, now, cancellationToken);
            var step = AlertCondition.Next(rule.Firing, reading);
            if (step != AlertCondition.Step.None && await TransitionAsync(db, rule, step == AlertCondition.Step.Fire, reading.Value, now, cancellationToken))
            {
                transitions++;
            }
        }
        if (transitions > 0)
        {
            outbox.Wake();
            await notifier.EvidenceChangedAsync();
        }
        return transitions;
    }

    private async Task<bool> TransitionAsync(FeedbackDbContext db, AlertRule rule, bool fire, double? value, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.TransactAsync(async token =>
        {
            var claimed = fire
                ? await db.AlertRules.Where(r => r.Id == rule.Id && !r.Firing && r.Enabled)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Firing, true).SetProperty(r => r.FiredAt, now).SetProperty(r => r.LastValue, value), token)
                : await db.AlertRules.Where(r => r.Id == rule.Id && r.Firing)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Firing, false).SetProperty(r => r.ResolvedAt, now).SetProperty(r => r.LastValue, value), token);
            if (claimed == 0)
            {
                return (false, false);
            }
            await AlertHistory.RecordAsync(db, outbox, rule, fire, value, Text(rule, fire, value), now, token);
            await db.SaveChangesAsync(token);
            logger.LogInformation("Alert rule {Id} ({Name}) {Kind} at {Value}", rule.Id, rule.Name, fire ? AlertEvent.Fired : AlertEvent.Resolved, value);
            return (true, true);
        }, cancellationToken);

    public static string Text(AlertRule rule, bool fired, double? value)
    {
        var now = value is not { } v ? ""
            : rule.Metric switch
            {
                AlertMetric.PositiveRate when rule.DropBy is not null => $" (down {(v * 100).ToString("0.#", CultureInfo.InvariantCulture)} points)",
                AlertMetric.PositiveRate => $" (now {(v * 100).ToString("0.#", CultureInfo.InvariantCulture)}%)",
                AlertMetric.TaskSeverity => $" (highest severity {v.ToString("0", CultureInfo.InvariantCulture)})",
                _ => $" (difference {(v * 100).ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture)} points)",
            };
        return fired
            ? $"Alert \"{rule.Name}\" fired: {AlertRuleDto.Describe(rule)}{now}."
            : $"Alert \"{rule.Name}\" resolved: no longer {AlertRuleDto.Describe(rule)}{now}.";
    }
}
