using System.Text.Json;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Features.Feedback;

namespace FeedbackDashboard.Features.Ingestion;

public sealed record FeedbackBatchRequest(List<JsonElement>? Items);

/// <param name="Status">The status the item would have had on its own: 202, 200 (replayed), 400, 404 or 409.</param>
public sealed record FeedbackBatchItemResult(
    int Index,
    int Status,
    FeedbackDto? Feedback = null,
    IDictionary<string, string[]>? Errors = null);

public sealed record FeedbackBatchResponse(IReadOnlyList<FeedbackBatchItemResult> Items, int Stored, int Replayed, int Failed);
