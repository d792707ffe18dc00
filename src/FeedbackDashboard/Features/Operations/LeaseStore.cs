using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Operations;

/// <summary>
/// Leases in the database, so that work meant to run once (not once per instance) runs on one
/// instance at a time: an instance takes a lease that is free or expired, renews its own, and gives
/// it back; if it dies, the lease expires and another takes over.
/// </summary>
public sealed class LeaseStore(IDbContextFactory<FeedbackDbContext> contextFactory, TimeProvider time)
{
    /// <summary>This process, as lease holders are named.</summary>
    public static readonly string Instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var until = now + duration;
        var taken = await db.Leases.Where(l => l.Name == name && (l.Holder == Instance || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, Instance).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }
        if (await db.Leases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }
        db.Leases.Add(new Lease { Name = name, Holder = Instance, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return false; // another instance made it first
        }
    }

    public async Task ReleaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Leases.Where(l => l.Name == name && l.Holder == Instance)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTimeOffset.MinValue), cancellationToken);
    }
}
