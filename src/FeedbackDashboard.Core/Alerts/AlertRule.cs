namespace FeedbackDashboard.Core.Alerts;

/// <summary>
/// An admin's rule over the feedback: it fires once when its condition starts to hold and again
/// only after it has recovered (the condition stopped holding), each time a webhook event and a
/// line on the dashboard.
/// </summary>
public sealed class AlertRule
{
    public const int MaxNameLength = 200;
    public const int MaxWindowItems = 5_000;
    public const int MaxWindowMinutes = 7 * 24 * 60;

    public long Id { get; set; }
    public required string Name { get; set; }
    public AlertMetric Metric { get; set; }

    /// <summary>Narrow the rule; null means all.</summary>
    public string? Source { get; set; }
    public string? Pattern { get; set; }
    public string? SegmentKey { get; set; }
    public string? SegmentValue { get; set; }

    /// <summary>positive_rate: fires when the rate of the window is below this (0-1).</summary>
    public double? Below { get; set; }

    /// <summary>positive_rate: fires when the rate fell by at least this (0-1, points / 100) against the window before.</summary>
    public double? DropBy { get; set; }

    /// <summary>The window: the last N items, or the last T minutes (one of the two).</summary>
    public int? WindowItems { get; set; }
    public int? WindowMinutes { get; set; }

    /// <summary>A minutes window is judged only once it holds this many items (default 10), so one item cannot fire a rule.</summary>
    public int? MinItems { get; set; }

    /// <summary>task_severity: fires while an open task above this severity (0-100) matches.</summary>
    public double? Above { get; set; }

    public bool Enabled { get; set; } = true;
    public bool Firing { get; set; }

    /// <summary>The measured value at the last evaluation (a rate, a drop, a severity), for the Admin page.</summary>
    public double? LastValue { get; set; }
    public DateTimeOffset? LastEvaluatedAt { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }

    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}
