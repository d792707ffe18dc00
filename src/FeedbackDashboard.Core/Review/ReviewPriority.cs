using System.Text.Json.Serialization;

namespace FeedbackDashboard.Core.Review;

[JsonConverter(typeof(WireEnumConverter<ReviewPriority>))]
public enum ReviewPriority
{
    Medium = 1,
    High = 2,
}
