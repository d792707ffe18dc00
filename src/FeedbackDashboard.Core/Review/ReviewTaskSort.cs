using System.Text.Json.Serialization;

namespace FeedbackDashboard.Core.Review;

/// <summary>The orders the review queue and GET /api/v1/review-tasks offer; severity first by default.</summary>
[JsonConverter(typeof(WireEnumConverter<ReviewTaskSort>))]
public enum ReviewTaskSort
{
    Severity,
    Newest,
    Oldest,
    Priority,
    NegativeShare,
    Related,
}
