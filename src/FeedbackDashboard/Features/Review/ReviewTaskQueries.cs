using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Core.Triggers;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Audit;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Review;

/// <summary>Reads review tasks with their trigger and newest related feedback.</summary>
public sealed class ReviewTaskQueries(IDbContextFactory<FeedbackDbContext> contextFactory, ITriggerOptionsSource triggerSettings)
{
    /// <param name="withRelated">
    /// Embed each task's newest related items (the API's list does).
    /// </param>
    public async Task<PagedList<ReviewTaskDto>> ListAsync(ReviewTaskFilter filter, bool withRelated = true, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (tasks, total) = await FindAsync(db, filter, cancellationToken);
        var items = await ToDtosAsync(db, tasks, withRelated, cancellationToken);
        return new PagedList<ReviewTaskDto>(items, filter.Page, filter.PageSize, total);
    }

    /// <summary>
    /// The tasks as the review queue shows them, hundreds a page: no trigger and no related items
    /// (<see cref="ReviewTaskDto.AsQueueRow"/>), so no feedback is read; the drawer reads them for the
    /// one task it opens.
    /// </summary>
    public async Task<PagedList<ReviewTaskDto>> ListQueueRowsAsync(ReviewTaskFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (tasks, total) = await FindAsync(db, filter, cancellationToken);
        return new PagedList<ReviewTaskDto>(tasks.Select(t => ReviewTaskDto.From(t, trigger: null, newestRelated: [])).ToList(), filter.Page, filter.PageSize, total);
    }

    private static async Task<(List<ReviewTask> Tasks, int Total)> FindAsync(FeedbackDbContext db, ReviewTaskFilter filter, CancellationToken cancellationToken)
    {
        var query = db.ReviewTasks.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }
        if (filter.ActiveOnly)
        {
            query = query.Where(t => t.ActivePatternKey != null);
        }
        if (filter.Priority is { } priority)
        {
            query = query.Where(t => t.Priority == priority);
        }
        if (!string.IsNullOrWhiteSpace(filter.Source))
        {
            query = query.Where(t => t.Source == filter.Source);
        }
        if (filter.AssigneeId is not null)
        {
            query = query.Where(t => t.AssigneeId == filter.AssigneeId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var search = filter.Search.Trim().ToLower();
            query = query.Where(t => t.RepresentativeQuery.ToLower().Contains(search) || t.PatternKey.Contains(search));
        }

        var total = await query.CountAsync(cancellationToken);
        var tasks = await Sorted(query, filter.Sort)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .ToListAsync(cancellationToken);
        return (tasks, total);
    }

    /// <summary>Severity first by default: what hurts users most now; ties newest first.</summary>
    private static IQueryable<ReviewTask> Sorted(IQueryable<ReviewTask> query, ReviewTaskSort sort) => sort switch
    {
        ReviewTaskSort.Newest => query.OrderByDescending(t => t.Id),
        ReviewTaskSort.Oldest => query.OrderBy(t => t.Id),
        ReviewTaskSort.Priority => query.OrderByDescending(t => t.Priority).ThenByDescending(t => t.Severity).ThenByDescending(t => t.Id),
        ReviewTaskSort.NegativeShare => query.OrderByDescending(t => t.CurrentNegativeShare).ThenByDescending(t => t.Severity).ThenByDescending(t => t.Id),
        ReviewTaskSort.Related => query.OrderByDescending(t => t.RelatedCount).ThenByDescending(t => t.Id),
        _ => query.OrderByDescending(t => t.Severity).ThenByDescending(t => t.Id),
    };

    public async Task<ReviewTaskDto?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.ReviewTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        return task is null ? null : (await ToDtosAsync(db, [task], withRelated: true, cancellationToken))[0];
    }

    /// <summary>The tasks without their related items, as they are pushed to reviewers.</summary>
    public async Task<IReadOnlyList<ReviewTaskDto>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var tasks = await db.ReviewTasks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);
        return await ToDtosAsync(db, tasks, withRelated: false, cancellationToken);
    }

    /// <summary>Every related item of a task (or its negative ones, or its corrections) with its interaction, newest first, a page at a time.</summary>
    public async Task<PagedList<RelatedFeedbackDto>?> RelatedAsync(
        long id, int page, int pageSize, RelatedFeedbackKind kind = RelatedFeedbackKind.All, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.ReviewTasks.AnyAsync(t => t.Id == id, cancellationToken))
        {
            return null;
        }
        var related = db.ReviewTaskFeedback.Where(r => r.ReviewTaskId == id)
            .Join(db.Feedback, r => r.FeedbackId, f => f.Id, (r, f) => new { r.IsTrigger, Feedback = f });
        if (kind == RelatedFeedbackKind.Corrections)
        {
            related = related.Where(x => x.Feedback.Type == FeedbackType.Correction);
        }
        else if (kind == RelatedFeedbackKind.Negative)
        {
            // As the trigger counts them: thumbs-down, and low ratings when the option is on.
            var options = await triggerSettings.GetAsync(cancellationToken);
            var lowRatings = options.CountLowRatingsAsNegative ? options.LowRatingMaximum : 0;
            related = related.Where(x => x.Feedback.Type == FeedbackType.ThumbsDown
                || (x.Feedback.Type == FeedbackType.Rating && x.Feedback.Rating <= lowRatings));
        }
        var total = await related.CountAsync(cancellationToken);
        var rows = await related
            .Join(db.Interactions, x => x.Feedback.InteractionId, i => i.Id, (x, i) => new { x.IsTrigger, x.Feedback, i.Query, i.Response })
            .OrderByDescending(x => x.Feedback.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new RelatedFeedbackDto(FeedbackDto.From(r.Feedback), r.Query, r.Response, r.IsTrigger)).ToList();
        return new PagedList<RelatedFeedbackDto>(items, page, pageSize, total);
    }

    /// <summary>Who raised, claimed, released, resolved, dismissed or reopened the task, oldest first.</summary>
    public async Task<IReadOnlyList<AuditRecord>> HistoryAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var subject = ReviewAudit.Subject(id);
        return await db.AuditRecords.AsNoTracking().Where(r => r.Subject == subject).OrderBy(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Counts by status, for navigation badges and the overview.</summary>
    public async Task<IReadOnlyDictionary<ReviewTaskStatus, int>> CountByStatusAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReviewTasks.GroupBy(t => t.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
    }

    /// <summary>The sources tasks were raised from, for the queue's filter.</summary>
    public async Task<IReadOnlyList<string>> SourcesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReviewTasks.Select(t => t.Source).Distinct().OrderBy(s => s).ToListAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<ReviewTaskDto>> ToDtosAsync(FeedbackDbContext db, IReadOnlyList<ReviewTask> tasks, bool withRelated, CancellationToken cancellationToken)
    {
        if (tasks.Count == 0)
        {
            return [];
        }
        var taskIds = tasks.Select(t => t.Id).ToList();
        var links = withRelated
            ? await db.ReviewTaskFeedback.AsNoTracking()
                .Where(r => taskIds.Contains(r.ReviewTaskId))
                .Select(r => new { r.ReviewTaskId, r.FeedbackId })
                .ToListAsync(cancellationToken)
            : [];
        var newest = links.GroupBy(l => l.ReviewTaskId)
            .ToDictionary(g => g.Key, g => g.Select(l => l.FeedbackId).OrderDescending().Take(ReviewTaskDto.EmbeddedRelatedLimit).ToList());
        var feedbackIds = newest.Values.SelectMany(ids => ids).Concat(tasks.Select(t => t.TriggerFeedbackId)).Distinct().ToList();
        var feedback = await db.Feedback.AsNoTracking().Where(f => feedbackIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);

        return tasks.Select(t => ReviewTaskDto.From(
                t,
                feedback.GetValueOrDefault(t.TriggerFeedbackId),
                newest.GetValueOrDefault(t.Id, []).Select(id => feedback[id]).ToList()))
            .ToList();
    }
}
