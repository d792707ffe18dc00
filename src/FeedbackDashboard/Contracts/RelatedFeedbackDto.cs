using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Review;

namespace FeedbackDashboard.Contracts;

/// <summary>A related feedback item with the interaction it was given on.</summary>
public sealed record RelatedFeedbackDto(FeedbackDto Feedback, string Query, string? Response, bool IsTrigger);

/// <summary>Which of a task's related items to list: all, the negative ones (as the trigger counts them), or the corrections.</summary>
public enum RelatedFeedbackKind
{
    All,
    Negative,
    Corrections,
}

public static class RelatedFeedbackKinds
{
    private static readonly Dictionary<string, RelatedFeedbackKind> ByName = new(StringComparer.Ordinal)
    {
        ["all"] = RelatedFeedbackKind.All,
        ["negative"] = RelatedFeedbackKind.Negative,
        ["corrections"] = RelatedFeedbackKind.Corrections,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static bool TryParse(string? value, out RelatedFeedbackKind kind) => ByName.TryGetValue(value ?? "", out kind);
}
