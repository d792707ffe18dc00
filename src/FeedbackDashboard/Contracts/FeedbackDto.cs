using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Feedback;

namespace FeedbackDashboard.Contracts;

/// <summary>A feedback item as the API and the hub return it.</summary>
/// <param name="Id">The client's idempotency key, or one the server assigned.</param>
/// <param name="Value">Null for thumbs, the 1-5 number for a rating, the corrected text for a correction.</param>
public sealed record FeedbackDto(
    string Id,
    string InteractionId,
    FeedbackType Type,
    object? Value,
    string? Comment,
    CorrectionKind? CorrectionKind,
    DateTimeOffset CreatedAt,
    string? PatternKey,
    string Source)
{
    public static FeedbackDto From(UserFeedback f) => new(
        f.ClientId!,
        f.InteractionId,
        f.Type,
        f.Type switch
        {
            FeedbackType.Rating => f.Rating,
            FeedbackType.Correction => f.CorrectionText,
            _ => null,
        },
        f.Comment,
        f.CorrectionKind,
        f.CreatedAt,
        f.PatternKey,
        f.Source);
}
