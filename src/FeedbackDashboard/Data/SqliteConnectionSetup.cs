using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FeedbackDashboard.Data;

/// <summary>
/// Sets something up each time EF Core opens a SQLite connection: settings such as the busy
/// handler belong to a connection, and pooled connections are opened again rather than created.
/// </summary>
public abstract class SqliteConnectionSetup : DbConnectionInterceptor
{
    protected abstract void Apply(SqliteConnection connection);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply((SqliteConnection)connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply((SqliteConnection)connection);
        return Task.CompletedTask;
    }
}
