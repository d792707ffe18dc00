using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Issues;

/// <summary>A negative item as the issues see it: its text (the comment, else the question) and that text's vector.</summary>
public sealed class NegativeItem(long id, string? comment, DateTimeOffset createdAt, string source, string text, float[]? vector)
{
    public long Id { get; } = id;
    public string? Comment { get; } = comment;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public string Source { get; } = source;
    public string Text { get; } = text;

    /// <summary>Null when not embedded yet: a comment the pipeline has not reached, or a question from before embeddings were stored.</summary>
    public float[]? Vector { get; } = vector;

    public bool HasComment => !string.IsNullOrWhiteSpace(Comment);
}

/// <summary>Reads the negative feedback the issues are made of, with the vectors stored for it.</summary>
public static class NegativeItems
{
    /// <summary>
    /// Every negative item of the window in one streamed query, in no order: paging by id would have the
    /// database sort the window's index entries again for every page (quadratic at a million items).
    /// </summary>
    public static IAsyncEnumerable<NegativeItem> AllAsync(FeedbackDbContext db, InsightWindow window) =>
        Project(InWindow(db, window), db).AsAsyncEnumerable().Select(ToItem);

    /// <summary>The window's negative items with ids above <paramref name="afterId"/>, a page at a time, oldest first.</summary>
    public static async IAsyncEnumerable<List<NegativeItem>> AfterAsync(
        FeedbackDbContext db, InsightWindow window, long afterId, int pageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = afterId;
        while (true)
        {
            var page = await Read(InWindow(db, window).Where(f => f.Id > after).OrderBy(f => f.Id).Take(pageSize), db, cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }
            yield return page;
            after = page[^1].Id;
        }
    }

    private static IQueryable<UserFeedback> InWindow(FeedbackDbContext db, InsightWindow window) =>
        db.Feedback.AsNoTracking().Where(f => (f.Type == FeedbackType.ThumbsDown || f.Type == FeedbackType.Correction)
            && f.CreatedAt >= window.StartUtc && f.CreatedAt < window.EndUtcExclusive);

    private static async Task<List<NegativeItem>> Read(IQueryable<UserFeedback> feedback, FeedbackDbContext db, CancellationToken cancellationToken) =>
        (await Project(feedback, db).ToListAsync(cancellationToken)).Select(ToItem).ToList();

    private static IQueryable<Row> Project(IQueryable<UserFeedback> feedback, FeedbackDbContext db) =>
        feedback.Join(db.Interactions, f => f.InteractionId, i => i.Id, (f, i) => new Row(f.Id, f.Comment, f.CreatedAt, f.Source, f.CommentEmbedding, i.Query, i.QueryEmbedding));

    private static NegativeItem ToItem(Row x) => string.IsNullOrWhiteSpace(x.Comment)
        ? new NegativeItem(x.Id, null, x.CreatedAt, x.Source, x.Query, x.QueryEmbedding)
        : new NegativeItem(x.Id, x.Comment, x.CreatedAt, x.Source, x.Comment, x.CommentEmbedding);

    private sealed record Row(long Id, string? Comment, DateTimeOffset CreatedAt, string Source, float[]? CommentEmbedding, string Query, float[]? QueryEmbedding);
}
