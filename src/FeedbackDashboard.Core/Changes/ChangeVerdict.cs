using System.Text.Json.Serialization;

namespace FeedbackDashboard.Core.Changes;

/// <summary>What a published change did to the positive share of the patterns it touched.</summary>
[JsonConverter(typeof(WireEnumConverter<ChangeVerdict>))]
public enum ChangeVerdict
{
    /// <summary>Fewer than the items needed on one side or both: no verdict yet.</summary>
    Collecting,

    /// <summary>The whole 95% interval of the difference is above zero.</summary>
    Improved,

    /// <summary>The whole interval is below zero.</summary>
    Worse,

    /// <summary>The interval holds zero: no difference this data can tell.</summary>
    NoChange,
}
