using System.Text.Json.Serialization;

namespace FeedbackDashboard.Core.Feedback;

/// <summary>What a correction teaches: a fact (knowledge base) or how to answer (instructions).</summary>
[JsonConverter(typeof(WireEnumConverter<CorrectionKind>))]
public enum CorrectionKind
{
    Knowledge = 1,
    Behavior = 2,
}
