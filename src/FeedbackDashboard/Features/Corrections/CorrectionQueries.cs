using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Corrections;

/// <summary>Reads the corrections inbox, with each correction's group size and the review task it came from.</summary>
public sealed class CorrectionQueries(IDbContextFactory<FeedbackDbContext> contextFactory)
{
    public async Task<PagedList<CorrectionDto>> ListAsync(CorrectionFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Corrections.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }
        if (filter.Kind is { } kind)
        {
            query = query.Where(c => c.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(filter.Source))
        {
            query = query.Where(c => c.Source == filter.Source);
        }
        if (filter.TaskId is { } task)
        {
            query = query.Where(c => c.ReviewTaskId == task
                || (c.FeedbackId != null && db.ReviewTaskFeedback.Any(r => r.ReviewTaskId == task && r.FeedbackId == c.FeedbackId)));
        }
        if (filter.Grouped)
        {
            query = query.Where(c => c.GroupId == null
                || !db.Corrections.Any(o => o.GroupId == c.GroupId && o.Status == c.Status && o.Id > c.Id));
        }
        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(c => c.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedList<CorrectionDto>(await ToDtosAsync(db, page, cancellationToken), filter.Page, filter.PageSize, total);
    }

    public async Task<CorrectionDto?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var correction = await db.Corrections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return correction is null ? null : (await ToDtosAsync(db, [correction], cancellationToken))[0];
    }

    public async Task<IReadOnlyList<CorrectionDto>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var corrections = await db.Corrections.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
        return await ToDtosAsync(db, corrections, cancellationToken);
    }

    internal static async Task<IReadOnlyList<CorrectionDto>> ToDtosAsync(FeedbackDbContext db, IReadOnlyList<Correction> corrections, CancellationToken cancellationToken)
    {
        var groups = corrections.Select(c => c.GroupId).OfType<long>().Distinct().ToList();
        var counts = await db.Corrections.Where(c => c.GroupId != null && groups.Contains(c.GroupId.Value))
            .GroupBy(c => new { Group = c.GroupId!.Value, c.Status }).Select(g => new { g.Key.Group, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var sizes = counts.GroupBy(c => c.Group).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var sameStatus = counts.ToDictionary(c => (c.Group, c.Status), c => c.Count);
        var feedbackIds = corrections.Select(c => c.FeedbackId).OfType<long>().ToList();
        var clientIds = await db.Feedback.Where(f => feedbackIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.ClientId, cancellationToken);
        var tasks = await db.ReviewTaskFeedback.Where(r => feedbackIds.Contains(r.FeedbackId))
            .GroupBy(r => r.FeedbackId).Select(g => new { g.Key, Task = g.Max(r => r.ReviewTaskId) })
            .ToDictionaryAsync(g => g.Key, g => g.Task, cancellationToken);
        return corrections.Select(c => CorrectionDto.From(
                c,
                c.GroupId is { } group ? sizes.GetValueOrDefault(group, 1) : 1,
                c.GroupId is { } g ? sameStatus.GetValueOrDefault((g, c.Status), 1) : 1,
                c.FeedbackId is { } f ? clientIds.GetValueOrDefault(f) : null,
                c.ReviewTaskId ?? (c.FeedbackId is { } fid && tasks.TryGetValue(fid, out var task) ? task : null)))
            .ToList();
    }
}
