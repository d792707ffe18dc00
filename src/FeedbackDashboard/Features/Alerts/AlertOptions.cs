using System.ComponentModel.DataAnnotations;

namespace FeedbackDashboard.Features.Alerts;

public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>The least time between two evaluations, however fast feedback arrives.</summary>
    [Range(100, 60_000)]
    public int MinIntervalMilliseconds { get; set; } = 1_000;

    /// <summary>Evaluated this often without feedback too.</summary>
    [Range(1, 3_600)]
    public int IntervalSeconds { get; set; } = 30;
}
