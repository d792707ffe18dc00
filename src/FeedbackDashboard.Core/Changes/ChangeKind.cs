using System.Text.Json.Serialization;

namespace FeedbackDashboard.Core.Changes;

[JsonConverter(typeof(WireEnumConverter<ChangeKind>))]
public enum ChangeKind
{
    /// <summary>A knowledge entry's new version, made by applying a correction.</summary>
    Knowledge = 1,

    /// <summary>A published instructions version (or a rollback, which publishes one).</summary>
    Instructions = 2,
}
