using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace FeedbackDashboard.Features.Issues;

/// <summary>A negative item as the issues see it: its text (the comment, else the question) and that text's vector.</summary>
public sealed class NegativeItem(long id, string? comment, DateTimeOffset createdAt, string source, string text, float[]? vector)
{
    public long Id { get; } = id;
    public string? Comment { get; } = comment;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public string Source { get; } = source;
    public string Text { get; } = text;

    /// <summary>Null until embedded: a comment the pipeline has not embedded yet, or a question from before embeddings were stored.</summary>
    public float[]? Vector { get; set; } = vector;

    public bool HasComment => !string.IsNullOrWhiteSpace(Comment);
}

/// <summary>Reads the negative feedback the issues are made of, with the vectors stored for it.</summary>
public static class NegativeItems
{
    private const int EmbeddingSlices = 10;

    /// <summary>The window's newest negative items, at most <paramref name="max"/>, newest first.</summary>
    public static async Task<List<NegativeItem>> NewestAsync(FeedbackDbContext db, InsightWindow window, int max, CancellationToken cancellationToken) =>
        await Read(InWindow(db, window).OrderByDescending(f => f.Id).Take(max), db, cancellationToken);

    /// <summary>The window's negative items with ids outside [<paramref name="fromId"/>, <paramref name="toId"/>], a page at a time, oldest first.</summary>
    public static async IAsyncEnumerable<List<NegativeItem>> OutsideAsync(
        FeedbackDbContext db, InsightWindow window, long fromId, long toId, int pageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var page = await Read(InWindow(db, window).Where(f => f.Id > after && (f.Id < fromId || f.Id > toId)).OrderBy(f => f.Id).Take(pageSize), db, cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }
            yield return page;
            after = page[^1].Id;
        }
    }

    /// <summary>
    /// Embeds the items that have no vector yet, each distinct text once, in slices that report
    /// progress; returns the new comment embeddings, to be stored so they are not computed again.
    /// </summary>
    public static async Task<List<(long FeedbackId, float[] Vector)>> EmbedMissingAsync(
        IReadOnlyList<NegativeItem> items, IEmbeddingGenerator<string, Embedding<float>> embedder, Action<int, int> progress, CancellationToken cancellationToken)
    {
        var missing = items.Where(i => i.Vector is null).ToList();
        var texts = missing.Select(i => i.Text).Distinct(StringComparer.Ordinal).ToList();
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var slice = Math.Max(1, (texts.Count + EmbeddingSlices - 1) / EmbeddingSlices);
        for (var start = 0; start < texts.Count; start += slice)
        {
            progress(start, texts.Count);
            var part = texts.Skip(start).Take(slice).ToList();
            var embedded = await embedder.EmbedAsync(part, cancellationToken);
            for (var k = 0; k < part.Count; k++)
            {
                vectors[part[k]] = embedded[k];
            }
        }
        foreach (var item in missing)
        {
            item.Vector = vectors[item.Text];
        }
        return missing.Where(i => i.HasComment).Select(i => (i.Id, i.Vector!)).ToList();
    }

    private static IQueryable<UserFeedback> InWindow(FeedbackDbContext db, InsightWindow window) =>
        db.Feedback.AsNoTracking().Where(f => (f.Type == FeedbackType.ThumbsDown || f.Type == FeedbackType.Correction)
            && f.CreatedAt >= window.StartUtc && f.CreatedAt < window.EndUtcExclusive);

    private static async Task<List<NegativeItem>> Read(IQueryable<UserFeedback> feedback, FeedbackDbContext db, CancellationToken cancellationToken) =>
        (await feedback
            .Join(db.Interactions, f => f.InteractionId, i => i.Id, (f, i) => new { f.Id, f.Comment, f.CreatedAt, f.Source, f.CommentEmbedding, i.Query, i.QueryEmbedding })
            .ToListAsync(cancellationToken))
        .Select(x => string.IsNullOrWhiteSpace(x.Comment)
            ? new NegativeItem(x.Id, null, x.CreatedAt, x.Source, x.Query, x.QueryEmbedding)
            : new NegativeItem(x.Id, x.Comment, x.CreatedAt, x.Source, x.Comment, x.CommentEmbedding))
        .ToList();
}
