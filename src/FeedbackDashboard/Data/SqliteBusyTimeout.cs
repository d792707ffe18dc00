using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FeedbackDashboard.Data;

/// <summary>
/// Lets SQLite itself wait out another writer's lock (its busy handler retries within a few
/// milliseconds), instead of the provider's retry loop, which sleeps 150 ms at a time: with the
/// ingest writer and the pipeline taking turns, that sleep was most of a review task's push latency.
/// </summary>
public sealed class SqliteBusyTimeout(int milliseconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {milliseconds};";
        command.ExecuteNonQuery();
    }
}
