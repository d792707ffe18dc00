using Microsoft.Data.Sqlite;

namespace FeedbackDashboard.Data;

/// <summary>
/// Lets SQLite itself wait out another writer's lock (its busy handler retries within a few
/// milliseconds), instead of the provider's retry loop, which sleeps 150 ms at a time: with the
/// ingest writer and the pipeline taking turns, that sleep was most of a review task's push latency.
/// </summary>
public sealed class SqliteBusyTimeout(int milliseconds) : SqliteConnectionSetup
{
    protected override void Apply(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {milliseconds};";
        command.ExecuteNonQuery();
    }
}
