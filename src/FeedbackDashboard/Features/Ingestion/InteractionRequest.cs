using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Feedback;

namespace FeedbackDashboard.Features.Ingestion;

/// <summary>POST /api/v1/interactions, and the optional "interaction" of a feedback body.</summary>
public sealed record InteractionRequest(
    string? Id,
    string? Query,
    string? Response = null,
    string? Source = null,
    string? Pattern = null,
    Dictionary<string, string>? Metadata = null)
{
    public InteractionSubmission ToSubmission() => new(
        Id ?? "",
        Query ?? "",
        Response,
        string.IsNullOrWhiteSpace(Source) ? InteractionSubmission.DefaultSource : Source.Trim(),
        Pattern,
        Metadata ?? []);
}
