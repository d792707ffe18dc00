using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Features.Feedback;

/// <summary>What happened to one submitted feedback item.</summary>
public abstract record CollectOutcome
{
    private CollectOutcome() { }

    /// <summary>Committed now.</summary>
    public sealed record Stored(UserFeedback Feedback) : CollectOutcome;

    /// <summary>Its id was seen before: nothing new stored, the first result returned.</summary>
    public sealed record Replayed(UserFeedback Feedback) : CollectOutcome;

    public sealed record Invalid(ValidationErrors Errors) : CollectOutcome;

    public sealed record InteractionNotFound(string InteractionId) : CollectOutcome;

    /// <summary>Its id was used before for different content.</summary>
    public sealed record IdConflict(string ClientId) : CollectOutcome;
}
