using System.Collections.Concurrent;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Access;

/// <summary>
/// The database is the truth about who may do what; this keeps each instance close to it. Requests ask
/// <see cref="CurrentAsync"/> (cached for at most Security:SessionCheckSeconds); open hub connections and
/// circuits <see cref="WatchAsync"/> their user and hear of a change at once when it is made on this instance
/// (<see cref="ChangedAsync"/>), and within the same few seconds when another instance made it (a sweep
/// reads every watched user in one query).
/// </summary>
public sealed class SessionWatch(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    TimeProvider time,
    IOptions<SecurityOptions> options,
    ILogger<SessionWatch> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, (SessionFacts? Facts, DateTimeOffset ReadAt)> cache = new();
    private readonly ConcurrentDictionary<Watcher, byte> watchers = new();

    private TimeSpan CacheFor => TimeSpan.FromSeconds(options.Value.SessionCheckSeconds);

    /// <summary>The user's facts now; null when the user no longer exists. <paramref name="fresh"/> skips the cache.</summary>
    public async Task<SessionFacts?> CurrentAsync(string userId, bool fresh = false, CancellationToken cancellationToken = default)
    {
        if (!fresh && cache.TryGetValue(userId, out var cached) && time.GetUtcNow() - cached.ReadAt < CacheFor)
        {
            return cached.Facts;
        }
        var read = await ReadAsync([userId], cancellationToken);
        return read.GetValueOrDefault(userId);
    }

    /// <summary>Called by whatever changed the user: this instance forgets them and tells their sessions now.</summary>
    public async Task ChangedAsync(string userId, CancellationToken cancellationToken = default)
    {
        cache.TryRemove(userId, out _);
        var read = await ReadAsync([userId], cancellationToken);
        await NotifyAsync(read, only: userId);
    }

    /// <summary>
    /// Calls <paramref name="onChange"/> once, when the user's facts stop being <paramref name="believed"/>
    /// (null facts: the user is gone). Dispose to stop watching.
    /// </summary>
    public async Task<IDisposable> WatchAsync(string userId, SessionFacts believed, Func<SessionFacts?, Task> onChange, CancellationToken cancellationToken = default)
    {
        var watcher = new Watcher(this, userId, believed, onChange);
        watchers[watcher] = 0;
        // A change between the request that opened the session and now would otherwise wait for the sweep.
        if (await CurrentAsync(userId, cancellationToken: cancellationToken) != believed)
        {
            await ChangedAsync(userId, cancellationToken);
        }
        return watcher;
    }

    /// <summary>Whether any session of the user is being watched on this instance.</summary>
    public bool IsWatching(string userId) => watchers.Keys.Any(w => w.UserId == userId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.SessionCheckSeconds)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var watched = watchers.Keys.Select(w => w.UserId).Distinct().ToList();
                if (watched.Count > 0)
                {
                    await NotifyAsync(await ReadAsync(watched, stoppingToken), only: null);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not re-read the sessions' users; trying again at the next tick");
            }
        }
    }

    private async Task<Dictionary<string, SessionFacts>> ReadAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, SessionFacts>();
        foreach (var chunk in userIds.Chunk(500))
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var users = await db.Users.AsNoTracking()
                .Where(u => chunk.Contains(u.Id))
                .Select(u => new { u.Id, u.SecurityStamp, u.IsDisabled })
                .ToListAsync(cancellationToken);
            var roles = await db.UserRoles
                .Where(ur => chunk.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken);
            foreach (var user in users)
            {
                result[user.Id] = new SessionFacts(user.SecurityStamp, user.IsDisabled,
                    SessionFacts.JoinRoles(roles.Where(r => r.UserId == user.Id).Select(r => r.Name!)));
            }
        }
        var now = time.GetUtcNow();
        foreach (var id in userIds)
        {
            cache[id] = (result.GetValueOrDefault(id), now);
        }
        return result;
    }

    private async Task NotifyAsync(Dictionary<string, SessionFacts> facts, string? only)
    {
        foreach (var watcher in watchers.Keys.Where(w => only is null || w.UserId == only))
        {
            var current = facts.GetValueOrDefault(watcher.UserId);
            if (current != watcher.Believed && watchers.TryRemove(watcher, out _))
            {
                try
                {
                    await watcher.OnChange(current);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "A session of user {UserId} could not be ended", watcher.UserId);
                }
            }
        }
    }

    private sealed class Watcher(SessionWatch owner, string userId, SessionFacts believed, Func<SessionFacts?, Task> onChange) : IDisposable
    {
        public string UserId => userId;
        public SessionFacts Believed => believed;
        public Func<SessionFacts?, Task> OnChange => onChange;

        public void Dispose() => owner.watchers.TryRemove(this, out _);
    }
}
