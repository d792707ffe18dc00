namespace FeedbackDashboard.Features.Shared;

/// <summary>
/// Settings an admin saves in the database, read through a cache of a few seconds: a change takes
/// effect at once on this instance (<see cref="Set"/>) and within seconds on the others, without a restart.
/// </summary>
public sealed class SettingsCache<T>(TimeProvider time) where T : class
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private volatile Snapshot? _snapshot;

    public async ValueTask<T> GetAsync(Func<Task<T>> load)
    {
        if (_snapshot is { } snapshot && snapshot.ExpiresAt > time.GetUtcNow())
        {
            return snapshot.Value;
        }
        var value = await load();
        Set(value);
        return value;
    }

    public void Set(T value) => _snapshot = new Snapshot(value, time.GetUtcNow() + CacheFor);

    private sealed record Snapshot(T Value, DateTimeOffset ExpiresAt);
}
