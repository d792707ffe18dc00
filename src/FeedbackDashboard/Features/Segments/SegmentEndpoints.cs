using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FeedbackDashboard.Features.Segments;

public static class SegmentEndpoints
{
    public static RouteGroupBuilder MapSegmentEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/insights/segments", GetSegments)
            .WithName("GetSegments")
            .WithSummary("One aggregated metadata key's values (Segments:Keys) over the last `days` days or `from`..`to`, of one source or all: feedback, positive rate and thumbs-up share each, with a daily series.");
        return api;
    }

    private static async Task<Results<Ok<SegmentInsights>, ValidationProblem>> GetSegments(
        SegmentQueries segments, TimeProvider time, CancellationToken cancellationToken,
        string? key = null, int days = 30, DateOnly? from = null, DateOnly? to = null, string? source = null)
    {
        var keys = await segments.KeysAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(key))
        {
            return Problems.Validation("key", $"Name the metadata key to compare; aggregated now: {Listed(keys)}.");
        }
        if (!keys.Contains(key, StringComparer.Ordinal))
        {
            return Problems.Validation("key", $"'{key}' is not aggregated; aggregated now: {Listed(keys)}. An admin adds keys on the Admin page (Segments).");
        }
        var (window, errors) = InsightWindows.Parse(days, from, to, time.GetUtcNow());
        if (window is null)
        {
            return Problems.Validation(errors);
        }
        return TypedResults.Ok(await segments.ReadAsync(key, window.Value, string.IsNullOrWhiteSpace(source) ? null : source, cancellationToken));
    }

    private static string Listed(IReadOnlyList<string> keys) => keys.Count == 0 ? "none" : string.Join(", ", keys);
}
