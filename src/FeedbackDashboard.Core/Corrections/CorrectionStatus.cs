using System.Text.Json.Serialization;

namespace FeedbackDashboard.Core.Corrections;

[JsonConverter(typeof(WireEnumConverter<CorrectionStatus>))]
public enum CorrectionStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
    Applied = 4,
}
