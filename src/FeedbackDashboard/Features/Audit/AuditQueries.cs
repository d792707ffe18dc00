using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Audit;

/// <param name="Action">A dotted action or its prefix ("correction." for every correction decision).</param>
/// <param name="Subject">A subject or its prefix ("correction/12", "instructions/").</param>
public sealed record AuditFilter(string? Actor = null, string? Action = null, string? Subject = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    int Page = 1, int PageSize = 100)
{
    public const int MaxPageSize = 1_000;
}

public sealed record AuditRecordDto(long Id, DateTimeOffset At, string Actor, string Action, string Subject, string? Before, string? After)
{
    public static AuditRecordDto From(AuditRecord r) => new(r.Id, r.At, r.Actor, r.Action, r.Subject, r.Before, r.After);
}

/// <summary>The audit log, filtered, newest first: for the Audit page, its API and its export.</summary>
public sealed class AuditQueries(IDbContextFactory<FeedbackDbContext> contextFactory)
{
    public async Task<PagedList<AuditRecordDto>> ListAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(r => r.Id).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellationToken);
        return new PagedList<AuditRecordDto>(page.Select(AuditRecordDto.From).ToList(), filter.Page, filter.PageSize, total);
    }

    /// <summary>Every matching record, oldest first, streamed (for the export).</summary>
    public async IAsyncEnumerable<AuditRecordDto> StreamAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await foreach (var record in Filtered(db, filter).OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return AuditRecordDto.From(record);
        }
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditRecords.Select(r => r.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
    }

    private static IQueryable<AuditRecord> Filtered(FeedbackDbContext db, AuditFilter filter)
    {
        var query = db.AuditRecords.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            query = query.Where(r => r.Actor == filter.Actor.Trim());
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(r => r.Action.StartsWith(filter.Action.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            query = query.Where(r => r.Subject.StartsWith(filter.Subject.Trim()));
        }
        if (filter.From is { } from)
        {
            query = query.Where(r => r.At >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(r => r.At < to);
        }
        return query;
    }
}
