using FeedbackDashboard.Core.Alerts;

namespace FeedbackDashboard.Features.Alerts;

public sealed record AlertRuleDto(
    long Id, string Name, AlertMetric Metric, string? Source, string? Pattern, string? SegmentKey, string? SegmentValue,
    double? Below, double? DropBy, int? WindowItems, int? WindowMinutes, int? MinItems, double? Above,
    bool Enabled, bool Firing, double? LastValue, DateTimeOffset? FiredAt, DateTimeOffset? ResolvedAt, string CreatedBy, DateTimeOffset CreatedAt,
    string Description)
{
    public static AlertRuleDto From(AlertRule r) => new(
        r.Id, r.Name, r.Metric, r.Source, r.Pattern, r.SegmentKey, r.SegmentValue, r.Below, r.DropBy, r.WindowItems, r.WindowMinutes, r.MinItems, r.Above,
        r.Enabled, r.Firing, r.LastValue, r.FiredAt, r.ResolvedAt, r.CreatedBy, r.CreatedAt, Describe(r));

    /// <summary>"positive rate below 50% over the last 20 items of support-bot", for the Admin page and the event text.</summary>
    public static string Describe(AlertRule r)
    {
        var scope = string.Join(", ", new[]
        {
            r.Source is null ? null : $"source {r.Source}",
            r.Pattern is null ? null : $"pattern \"{r.Pattern}\"",
            r.SegmentKey is null ? null : $"{r.SegmentKey} = {r.SegmentValue}",
        }.OfType<string>());
        var of = scope.Length == 0 ? "all feedback" : scope;
        var window = r.WindowItems is { } n ? $"the last {n} items" : $"the last {r.WindowMinutes} minutes";
        return r.Metric switch
        {
            AlertMetric.PositiveRate when r.DropBy is { } drop => $"positive rate down {drop * 100:0.#} points or more over {window} against the window before ({of})",
            AlertMetric.PositiveRate => $"positive rate below {r.Below * 100:0.#}% over {window} ({of})",
            AlertMetric.TaskSeverity => $"an open review task above severity {r.Above:0} ({of})",
            _ => $"a change judged worse ({of})",
        };
    }
}

public sealed record AlertEventDto(long Id, long RuleId, string RuleName, string Kind, double? Value, string Text, DateTimeOffset At)
{
    public static AlertEventDto From(AlertEvent e) => new(e.Id, e.RuleId, e.RuleName, e.Kind, e.Value, e.Text, e.At);
}
