using System.Text.Json.Serialization;
using FeedbackDashboard.Core.Alerts;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Webhooks;

namespace FeedbackDashboard.Features.Alerts;

/// <summary>
/// How a rule's firing or recovery is told, in the caller's transaction: a line in the rule's history and the
/// <c>alert.fired</c> / <c>alert.resolved</c> webhook. The evaluator tells transitions; an admin's edit of a
/// firing rule tells its end (with a reason; a deleted rule's history goes with it).
/// </summary>
public static class AlertHistory
{
    public static async Task RecordAsync(FeedbackDbContext db, WebhookOutbox outbox, AlertRule rule, bool fired, double? value, string text,
        DateTimeOffset now, CancellationToken cancellationToken, string? reason = null, bool keepLine = true)
    {
        if (keepLine)
        {
            db.AlertEvents.Add(new AlertEvent { RuleId = rule.Id, RuleName = rule.Name, Kind = fired ? AlertEvent.Fired : AlertEvent.Resolved, Value = value, Text = text, At = now });
        }
        await outbox.EnqueueAsync(db, fired ? WebhookEvents.AlertFired : WebhookEvents.AlertResolved,
            new AlertEventData(rule.Id, rule.Name, rule.Metric, value, AlertRuleDto.From(rule), reason), text, now, cancellationToken);
    }

    private sealed record AlertEventData(
        long RuleId, string RuleName, AlertMetric Metric, double? Value, AlertRuleDto Rule,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);
}
