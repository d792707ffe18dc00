using System.Text.Json.Serialization;

namespace FeedbackDashboard.Core.Alerts;

[JsonConverter(typeof(WireEnumConverter<AlertMetric>))]
public enum AlertMetric
{
    /// <summary>Thumbs-up among all feedback of the window (the Overview's positive rate): below a level, or dropped against the previous window.</summary>
    PositiveRate = 1,

    /// <summary>An open review task whose severity (0-100) is above a level.</summary>
    TaskSeverity = 2,

    /// <summary>The newest judged change is <c>worse</c>.</summary>
    ChangeWorse = 3,
}
