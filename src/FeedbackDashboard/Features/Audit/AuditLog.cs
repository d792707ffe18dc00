using System.Text.Json;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Audit;

/// <summary>Writes audit records into the caller's context, so they commit with the change they describe.</summary>
public sealed class AuditLog(TimeProvider time)
{
    public const string SystemActor = "system";

    public void Record(FeedbackDbContext db, string actor, string action, string subject, object? before = null, object? after = null) =>
        db.AuditRecords.Add(new AuditRecord
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            Subject = subject,
            Before = before is null ? null : JsonSerializer.Serialize(before, JsonSerializerOptions.Web),
            After = after is null ? null : JsonSerializer.Serialize(after, JsonSerializerOptions.Web),
        });

    public async Task<IReadOnlyList<AuditRecord>> RecentAsync(FeedbackDbContext db, string? actionPrefix, int count, CancellationToken cancellationToken)
    {
        var query = db.AuditRecords.AsNoTracking();
        if (actionPrefix is not null)
        {
            query = query.Where(r => r.Action.StartsWith(actionPrefix));
        }
        return await query.OrderByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);
    }
}
