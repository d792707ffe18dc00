using System.Text.Json;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Loop;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Insights;

/// <summary>CSV and JSON downloads of feedback (streamed row by row, never held in memory) and of insights.</summary>
public static class ExportEndpoints
{
    public static RouteGroupBuilder MapExportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/feedback/export", ExportFeedback).WithName("ExportFeedback")
            .WithSummary("Feedback of the window (days, or from..to; optional source and metadata.KEY=VALUE) as CSV or JSON ({\"items\": [...]}), streamed.");
        api.MapGet("/insights/export", ExportInsights).WithName("ExportInsights")
            .WithSummary("The insights of the window: JSON as GET /insights answers, or CSV of the daily series.");
        return api;
    }

    private static async Task<IResult> ExportFeedback(
        HttpContext context, IDbContextFactory<FeedbackDbContext> contextFactory, TimeProvider time, CancellationToken cancellationToken,
        string format = "csv", int days = 30, DateOnly? from = null, DateOnly? to = null, string? source = null)
    {
        var (window, errors) = Parse(format, days, from, to, time);
        var metadata = FeedbackFilter.ParseMetadata(context.Request.Query, errors);
        if (window is null || !errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var response = context.Response;
        response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"feedback-{window.Value.From:yyyyMMdd}-{window.Value.To:yyyyMMdd}.{format}\"";

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Feedback.AsNoTracking()
            .Where(f => f.CreatedAt >= window.Value.StartUtc && f.CreatedAt < window.Value.EndUtcExclusive);
        if (!string.IsNullOrWhiteSpace(source))
        {
            query = query.Where(f => f.Source == source);
        }
        var rows = query.OrderBy(f => f.Id)
            .Join(db.Interactions, f => f.InteractionId, i => i.Id, (f, i) => new { Feedback = f, i.Query, i.Metadata })
            .AsAsyncEnumerable()
            .Where(row => FeedbackFilter.MetadataHolds(metadata, row.Metadata));

        if (format == "csv")
        {
            await using var csv = Csv.CreateWriter(response.Body);
            await Csv.WriteRowAsync(csv, "id", "interactionId", "type", "value", "comment", "correctionKind", "createdAt", "source", "patternKey", "query", "metadata");
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                var f = FeedbackDto.From(row.Feedback);
                await Csv.WriteRowAsync(csv, f.Id, f.InteractionId, f.Type, f.Value, f.Comment, f.CorrectionKind, f.CreatedAt, f.Source, f.PatternKey, row.Query,
                    row.Metadata.Count == 0 ? "" : JsonSerializer.Serialize(row.Metadata, ApiJson.Options));
            }
            return Results.Empty;
        }

        // Written into the response's pipe, which is flushed asynchronously: no synchronous I/O.
        await using var writer = new Utf8JsonWriter(response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteStartArray("items");
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(writer, new ExportedFeedback(FeedbackDto.From(row.Feedback), row.Query, row.Metadata), ApiJson.Options);
            if (++count % 500 == 0)
            {
                writer.Flush();
                await response.BodyWriter.FlushAsync(cancellationToken);
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        await response.BodyWriter.FlushAsync(cancellationToken);
        return Results.Empty;
    }

    private static async Task<IResult> ExportInsights(
        HttpContext context, InsightsReader reader, TimeProvider time, CancellationToken cancellationToken,
        string format = "csv", int days = 30, DateOnly? from = null, DateOnly? to = null, string? source = null)
    {
        var (window, errors) = Parse(format, days, from, to, time);
        if (window is null)
        {
            return Problems.Validation(errors);
        }
        var insights = await reader.ReadAsync(window.Value, string.IsNullOrWhiteSpace(source) ? null : source, cancellationToken);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"insights-{window.Value.From:yyyyMMdd}-{window.Value.To:yyyyMMdd}.{format}\"";
        if (format == "json")
        {
            return TypedResults.Json(insights, ApiJson.Options);
        }
        var csv = new System.Text.StringBuilder(Csv.Line("day", "positive", "negative", "correction", "rating", "total", "positiveRate"));
        foreach (var d in insights.Daily)
        {
            csv.Append(Csv.Line(d.Day, d.Positive, d.Negative, d.Correction, d.Rating, d.Total, d.PositiveRate));
        }
        return TypedResults.Text(csv.ToString(), "text/csv; charset=utf-8");
    }

    private static (InsightWindow? Window, ValidationErrors Errors) Parse(string format, int days, DateOnly? from, DateOnly? to, TimeProvider time)
    {
        var (window, errors) = InsightWindows.Parse(days, from, to, time.GetUtcNow());
        if (format is not ("csv" or "json"))
        {
            errors.Add("format", "Use csv or json.");
            return (null, errors);
        }
        return (window, errors);
    }

    private sealed record ExportedFeedback(FeedbackDto Feedback, string Query, IReadOnlyDictionary<string, string> Metadata);
}
