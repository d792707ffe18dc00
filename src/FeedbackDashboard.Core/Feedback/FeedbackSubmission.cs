namespace FeedbackDashboard.Core.Feedback;

/// <summary>Feedback as an application submits it, before the server stamps and stores it.</summary>
public sealed record FeedbackSubmission(
    string? ClientId,
    string InteractionId,
    FeedbackType Type,
    int? Rating = null,
    string? CorrectionText = null,
    CorrectionKind? CorrectionKind = null,
    string? Comment = null)
{
    /// <summary>Whether a stored item says the same thing, so a resend with its id is a true replay.</summary>
    public bool SameContentAs(UserFeedback stored) =>
        stored.InteractionId == InteractionId
        && stored.Type == Type
        && stored.Rating == Rating
        && stored.CorrectionText == CorrectionText
        && stored.Comment == Comment
        && stored.CorrectionKind == FeedbackRules.EffectiveCorrectionKind(this);
}
