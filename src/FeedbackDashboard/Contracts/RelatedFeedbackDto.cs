using System.Text.Json.Serialization;
using FeedbackDashboard.Core;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Review;

namespace FeedbackDashboard.Contracts;

/// <summary>A related feedback item with the interaction it was given on.</summary>
public sealed record RelatedFeedbackDto(FeedbackDto Feedback, string Query, string? Response, bool IsTrigger);

/// <summary>Which of a task's related items to list: all, the negative ones (as the trigger counts them), or the corrections.</summary>
[JsonConverter(typeof(WireEnumConverter<RelatedFeedbackKind>))]
public enum RelatedFeedbackKind
{
    All,
    Negative,
    Corrections,
}
