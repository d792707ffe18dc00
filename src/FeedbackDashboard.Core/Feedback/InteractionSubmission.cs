namespace FeedbackDashboard.Core.Feedback;

/// <summary>An interaction as an application submits it.</summary>
public sealed record InteractionSubmission(
    string Id,
    string Query,
    string? Response,
    string Source,
    string? Pattern,
    IReadOnlyDictionary<string, string> Metadata)
{
    public const string DefaultSource = "default";

    /// <summary>Whether a stored interaction holds exactly this content (a resend is then harmless).</summary>
    public bool SameContentAs(Interaction interaction) =>
        interaction.Query == Query
        && interaction.Response == Response
        && interaction.Source == Source
        && interaction.RequestedPattern == Pattern
        && interaction.Metadata.Count == Metadata.Count
        && Metadata.All(m => interaction.Metadata.TryGetValue(m.Key, out var v) && v == m.Value);
}
