using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Review;

/// <summary>Reads review tasks with their trigger and related feedback.</summary>
public sealed class ReviewTaskQueries(IDbContextFactory<FeedbackDbContext> contextFactory)
{
    public async Task<PagedList<ReviewTaskDto>> ListAsync(ReviewTaskFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.ReviewTasks.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }
        if (filter.Priority is { } priority)
        {
            query = query.Where(t => t.Priority == priority);
        }

        var total = await query.CountAsync(cancellationToken);
        var tasks = await query
            .OrderByDescending(t => t.Priority).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .ToListAsync(cancellationToken);
        var related = await RelatedFeedbackAsync(db, tasks.Select(t => t.Id).ToList(), cancellationToken);
        var items = tasks.Select(t => ReviewTaskDto.From(t, related[t.Id].ToList())).ToList();
        return new PagedList<ReviewTaskDto>(items, filter.Page, filter.PageSize, total);
    }

    public async Task<ReviewTaskDto?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.ReviewTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return null;
        }
        var related = await RelatedFeedbackAsync(db, [id], cancellationToken);
        return ReviewTaskDto.From(task, related[id].ToList());
    }

    /// <summary>Counts by status, for navigation badges and the overview.</summary>
    public async Task<IReadOnlyDictionary<ReviewTaskStatus, int>> CountByStatusAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReviewTasks.GroupBy(t => t.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
    }

    private static async Task<ILookup<long, UserFeedback>> RelatedFeedbackAsync(
        FeedbackDbContext db, IReadOnlyList<long> taskIds, CancellationToken cancellationToken)
    {
        var rows = await db.ReviewTaskFeedback
            .Where(r => taskIds.Contains(r.ReviewTaskId))
            .Join(db.Feedback, r => r.FeedbackId, f => f.Id, (r, f) => new { r.ReviewTaskId, Feedback = f })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.ReviewTaskId, r => r.Feedback);
    }
}
