using FeedbackDashboard.Contracts;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Feedback;

/// <summary>One feedback item with what it was about: the interaction's query and the metadata the application sent.</summary>
public sealed record FeedbackListItem(FeedbackDto Feedback, string Query, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>Whether the item passes a filter, as the database query would pass it: for feedback pushed after a page read its list.</summary>
    public bool Matches(FeedbackFilter filter) =>
        (filter.Type is not { } type || Feedback.Type == type)
        && (filter.Source is not { } source || Feedback.Source == source)
        && (filter.PatternKey is not { } pattern || Feedback.PatternKey == pattern)
        && FeedbackFilter.MetadataHolds(filter.Metadata, Metadata);
}

/// <param name="NextCursor">Pass it as <c>cursor</c> for the next page; null when there is no more.</param>
public sealed record FeedbackPage(IReadOnlyList<FeedbackListItem> Items, string? NextCursor);

/// <summary>GET /api/v1/feedback: filtered in the database, newest first, paged by a cursor that stays right while feedback arrives.</summary>
public sealed class FeedbackSearch(IDbContextFactory<FeedbackDbContext> contextFactory)
{
    /// <summary>
    /// Metadata is stored as each interaction's JSON, so a metadata filter is applied to the rows the
    /// other filters select, read this many at most a request: a page may then hold fewer items than
    /// asked for, and its cursor goes on from where the reading stopped.
    /// </summary>
    public const int MaxRowsReadForMetadata = 5_000;

    public async Task<FeedbackPage> ListAsync(FeedbackFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var feedback = db.Feedback.AsNoTracking();
        if (filter.Type is { } type)
        {
            feedback = feedback.Where(f => f.Type == type);
        }
        if (filter.Source is { } source)
        {
            feedback = feedback.Where(f => f.Source == source);
        }
        if (filter.PatternKey is { } pattern)
        {
            feedback = feedback.Where(f => f.PatternKey == pattern);
        }
        if (filter.From is { } from)
        {
            feedback = feedback.Where(f => f.CreatedAt >= from);
        }
        if (filter.To is { } to)
        {
            feedback = feedback.Where(f => f.CreatedAt < to);
        }
        if (filter.HasComment is { } hasComment)
        {
            feedback = hasComment
                ? feedback.Where(f => f.Comment != null && f.Comment != "")
                : feedback.Where(f => f.Comment == null || f.Comment == "");
        }
        if (filter.Rating is { } rating)
        {
            feedback = feedback.Where(f => f.Rating == rating);
        }
        if (filter.Before is { } before)
        {
            feedback = feedback.Where(f => f.Id < before);
        }
        var rows = feedback.OrderByDescending(f => f.Id)
            .Join(db.Interactions, f => f.InteractionId, i => i.Id, (f, i) => new { Feedback = f, i.Query, i.Metadata });

        if (filter.Metadata is not { Count: > 0 } wanted)
        {
            var page = await rows.Take(filter.Limit + 1).ToListAsync(cancellationToken);
            var items = page.Take(filter.Limit).ToList();
            return new FeedbackPage(
                items.Select(r => new FeedbackListItem(FeedbackDto.From(r.Feedback), r.Query, r.Metadata)).ToList(),
                page.Count > filter.Limit ? Cursor.Write(items[^1].Feedback.Id) : null);
        }

        var matches = new List<FeedbackListItem>();
        long? lastRead = null;
        var read = 0;
        await foreach (var row in rows.Take(MaxRowsReadForMetadata).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            read++;
            lastRead = row.Feedback.Id;
            var item = new FeedbackListItem(FeedbackDto.From(row.Feedback), row.Query, row.Metadata);
            if (item.Matches(filter))
            {
                matches.Add(item);
                if (matches.Count == filter.Limit)
                {
                    break;
                }
            }
        }
        var more = matches.Count == filter.Limit || read == MaxRowsReadForMetadata;
        return new FeedbackPage(matches, more && lastRead is { } last ? Cursor.Write(last) : null);
    }

    /// <summary>Feedback pushed without its interaction, with the query and metadata it was about.</summary>
    public async Task<IReadOnlyList<FeedbackListItem>> DescribeAsync(IReadOnlyList<FeedbackDto> feedback, CancellationToken cancellationToken = default)
    {
        var ids = feedback.Select(f => f.InteractionId).Distinct().ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var interactions = await db.Interactions.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Query, i.Metadata })
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        return feedback.Select(f => interactions.TryGetValue(f.InteractionId, out var i)
            ? new FeedbackListItem(f, i.Query, i.Metadata)
            : new FeedbackListItem(f, "", new Dictionary<string, string>())).ToList();
    }
}
