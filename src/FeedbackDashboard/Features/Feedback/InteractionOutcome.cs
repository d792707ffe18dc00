using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Features.Feedback;

public abstract record InteractionOutcome
{
    private InteractionOutcome() { }

    public sealed record Created(Interaction Interaction) : InteractionOutcome;

    /// <summary>The same id with the same content was sent again.</summary>
    public sealed record Unchanged(Interaction Interaction) : InteractionOutcome;

    public sealed record Invalid(ValidationErrors Errors) : InteractionOutcome;

    /// <summary>The id is taken by an interaction with other content.</summary>
    public sealed record Conflict(Interaction Existing) : InteractionOutcome;
}
