using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FeedbackDashboard.Data;

/// <summary>
/// Runs a PRAGMA each time EF Core opens a connection: pragmas like busy_timeout belong to a
/// connection, and pooled connections are opened again rather than created.
/// </summary>
public abstract class SqliteConnectionPragma : DbConnectionInterceptor
{
    /// <summary>The statement to run, e.g. "PRAGMA busy_timeout = 5000;".</summary>
    protected abstract string Pragma { get; }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }
}
