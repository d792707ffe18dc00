using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Feedback;

namespace FeedbackDashboard.Contracts;

public sealed record InteractionDto(
    string Id,
    string Query,
    string? Response,
    string Source,
    string? Pattern,
    string? PatternKey,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset CreatedAt)
{
    public static InteractionDto From(Interaction i) =>
        new(i.Id, i.Query, i.Response, i.Source, i.RequestedPattern, i.PatternKey, i.Metadata, i.CreatedAt);
}
