using System.Text.Json.Serialization;

namespace FeedbackDashboard.Core.Feedback;

[JsonConverter(typeof(WireEnumConverter<FeedbackType>))]
public enum FeedbackType
{
    [JsonStringEnumMemberName("positive")]
    ThumbsUp = 1,
    [JsonStringEnumMemberName("negative")]
    ThumbsDown = 2,
    Correction = 3,
    Rating = 4,
}
