namespace FeedbackDashboard.Core.Alerts;

/// <summary>A rule fired or resolved: the dashboard's alert history.</summary>
public sealed class AlertEvent
{
    public const string Fired = "fired";
    public const string Resolved = "resolved";

    public long Id { get; set; }
    public long RuleId { get; init; }
    public required string RuleName { get; init; }

    /// <summary><see cref="Fired"/> or <see cref="Resolved"/>.</summary>
    public required string Kind { get; init; }

    public double? Value { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset At { get; init; }
}
