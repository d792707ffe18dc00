using FeedbackDashboard.Features.Ingestion;

namespace FeedbackDashboard.Features.Review;

/// <summary>A related feedback item with the interaction it was given on.</summary>
public sealed record RelatedFeedbackDto(FeedbackDto Feedback, string Query, string? Response, bool IsTrigger);
