using System.Text.Json.Serialization;

namespace FeedbackDashboard.Core.Review;

[JsonConverter(typeof(WireEnumConverter<ReviewTaskStatus>))]
public enum ReviewTaskStatus
{
    Open = 1,
    InReview = 2,
    Resolved = 3,
    Dismissed = 4,
}
