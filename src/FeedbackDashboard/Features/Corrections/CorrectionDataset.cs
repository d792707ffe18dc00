using System.Text.Json;
using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Corrections;

/// <summary>Which approved and applied corrections an evaluation set holds: each given filter narrows it.</summary>
public sealed record DatasetFilter(string? Source = null, string? PatternKey = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>
/// Approved and applied corrections as an evaluation set, one JSON object a line (JSONL): the query,
/// the answer the application gave, the correction, its kind, source and pattern, and the metadata the
/// application sent with the interaction. Written in batches, so a large set streams.
/// </summary>
public sealed class CorrectionDataset(IDbContextFactory<FeedbackDbContext> contextFactory)
{
    private const int BatchSize = 500;

    public async Task WriteJsonLinesAsync(DatasetFilter filter, Stream output, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var corrections = db.Corrections.AsNoTracking()
            .Where(c => c.Status == CorrectionStatus.Approved || c.Status == CorrectionStatus.Applied);
        if (filter.Source is { } source)
        {
            corrections = corrections.Where(c => c.Source == source);
        }
        if (filter.PatternKey is { } pattern)
        {
            corrections = corrections.Where(c => c.PatternKey == pattern);
        }
        if (filter.From is { } from)
        {
            corrections = corrections.Where(c => c.CreatedAt >= from);
        }
        if (filter.To is { } to)
        {
            corrections = corrections.Where(c => c.CreatedAt < to);
        }

        long after = 0;
        while (true)
        {
            var batch = await corrections.Where(c => c.Id > after).OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }
            var feedbackIds = batch.Where(c => c.FeedbackId is not null).Select(c => c.FeedbackId!.Value).ToList();
            var metadata = await db.Feedback.AsNoTracking().Where(f => feedbackIds.Contains(f.Id))
                .Join(db.Interactions, f => f.InteractionId, i => i.Id, (f, i) => new { f.Id, i.Metadata })
                .ToDictionaryAsync(x => x.Id, x => x.Metadata, cancellationToken);
            using var lines = new MemoryStream();
            await using (var writer = new Utf8JsonWriter(lines))
            {
                foreach (var c in batch)
                {
                    writer.WriteStartObject();
                    writer.WriteString("query", c.Query);
                    writer.WriteString("response", c.Answer);
                    writer.WriteString("correction", c.Text);
                    writer.WriteString("kind", c.Kind.ToWire());
                    writer.WriteString("source", c.Source);
                    writer.WriteString("patternKey", c.PatternKey);
                    writer.WritePropertyName("metadata");
                    JsonSerializer.Serialize(writer, c.FeedbackId is { } id && metadata.TryGetValue(id, out var sent) ? sent : new Dictionary<string, string>());
                    writer.WriteEndObject();
                    await writer.FlushAsync(cancellationToken);
                    lines.WriteByte((byte)'\n');
                    writer.Reset();
                }
            }
            lines.Position = 0;
            await lines.CopyToAsync(output, cancellationToken);
            after = batch[^1].Id;
        }
    }
}
