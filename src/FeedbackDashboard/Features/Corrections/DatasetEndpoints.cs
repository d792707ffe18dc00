using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Corrections;

public static class DatasetEndpoints
{
    public static RouteGroupBuilder MapDatasetEndpoints(this RouteGroupBuilder read)
    {
        read.MapGet("/datasets/corrections", async (HttpContext http, CorrectionDataset dataset, string? source, string? pattern, string? from, string? to, CancellationToken ct) =>
            {
                var errors = new ValidationErrors();
                var filter = new DatasetFilter(Blank(source), Blank(pattern), IsoTime.Parse(from, "from", errors), IsoTime.Parse(to, "to", errors));
                if (!errors.IsEmpty)
                {
                    return Problems.Validation(errors);
                }
                http.Response.ContentType = "application/x-ndjson; charset=utf-8";
                http.Response.Headers.ContentDisposition = "attachment; filename=\"corrections.jsonl\"";
                await dataset.WriteJsonLinesAsync(filter, http.Response.Body, ct);
                return Results.Empty;
            })
            .WithName("CorrectionsDataset")
            .WithSummary("Approved and applied corrections as an evaluation set, one JSON object a line: query, response, correction, kind, " +
                "source, patternKey, metadata. Filters: source, pattern, from, to (ISO 8601, to exclusive; when the correction was made).")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .ProducesValidationProblem();
        return read;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
