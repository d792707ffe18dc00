namespace FeedbackDashboard.Features.Shared;

/// <summary>A short list that needs no paging, in the same {"items": [...]} envelope as the paged ones.</summary>
public sealed record ItemsResponse<T>(IReadOnlyList<T> Items);
