using System.Text.Json;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Insights;
using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Audit;

/// <summary>The audit log for signed-in admins: filtered pages, and a streamed CSV or JSON export.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").RequireAuthorization(AccessPolicies.ApiAdminister);
        audit.MapGet("", async (AuditQueries queries, CancellationToken ct, string? actor = null, string? action = null, string? subject = null,
            DateTimeOffset? from = null, DateTimeOffset? to = null, int page = 1, int pageSize = 100) =>
        {
            var errors = new ValidationErrors();
            Paging.Validate(page, pageSize, AuditFilter.MaxPageSize, errors);
            return errors.IsEmpty
                ? Results.Ok(await queries.ListAsync(new AuditFilter(actor, action, subject, from, to, page, pageSize), ct))
                : Problems.Validation(errors);
        }).WithName("ListAudit").WithSummary("Who did what, newest first: actor, action (or its prefix), subject (or its prefix), from, to.");
        audit.MapGet("/export", async (HttpContext http, AuditQueries queries, CancellationToken ct, string format = "csv", string? actor = null,
            string? action = null, string? subject = null, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        {
            if (format is not ("csv" or "json"))
            {
                return Problems.Validation("format", "Use csv or json.");
            }
            var records = queries.StreamAsync(new AuditFilter(actor, action, subject, from, to), ct);
            http.Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit.{format}\"";
            if (format == "csv")
            {
                await using var csv = Csv.CreateWriter(http.Response.Body);
                await Csv.WriteRowAsync(csv, "id", "at", "actor", "action", "subject", "before", "after");
                await foreach (var r in records)
                {
                    await Csv.WriteRowAsync(csv, r.Id, r.At, r.Actor, r.Action, r.Subject, r.Before, r.After);
                }
                return Results.Empty;
            }
            await using var writer = new Utf8JsonWriter(http.Response.BodyWriter);
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            await foreach (var r in records)
            {
                JsonSerializer.Serialize(writer, r, ApiJson.Options);
                await writer.FlushAsync(ct);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(ct);
            return Results.Empty;
        }).WithName("ExportAudit").WithSummary("The filtered audit log, oldest first, as CSV or JSON ({\"items\"}), streamed.");
        return api;
    }
}
