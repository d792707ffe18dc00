using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Contracts;

/// <summary>An interaction with everything the application sent and the feedback given on it, newest first.</summary>
/// <param name="Feedback">Up to <see cref="MaxFeedback"/> items, newest first; <paramref name="FeedbackCount"/> counts them all.</param>
public sealed record InteractionDetailDto(
    string Id,
    string Query,
    string? Response,
    string Source,
    string? Pattern,
    string? PatternKey,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset CreatedAt,
    int FeedbackCount,
    IReadOnlyList<FeedbackDto> Feedback)
{
    public const int MaxFeedback = 200;

    public static InteractionDetailDto From(Interaction i, int feedbackCount, IReadOnlyList<UserFeedback> newest) =>
        new(i.Id, i.Query, i.Response, i.Source, i.RequestedPattern, i.PatternKey, i.Metadata, i.CreatedAt, feedbackCount,
            newest.Select(FeedbackDto.From).ToList());
}
