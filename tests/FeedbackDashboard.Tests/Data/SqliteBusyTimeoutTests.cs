using System.Diagnostics;
using FeedbackDashboard.Data;
using Microsoft.Data.Sqlite;

namespace FeedbackDashboard.Tests.Data;

/// <summary>The busy handler every SQLite connection of the app gets: a writer waits out another's lock, up to its timeout.</summary>
public sealed class SqliteBusyTimeoutTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("busy-timeout-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(_directory, "busy.db")};Pooling=False";

    [Fact]
    public async Task AWriter_WaitsForAnotherWritersLock_AndWritesOnceItIsFree()
    {
        await using var holder = await HoldTheWriteLockAsync();
        await using var waiter = await OpenWaiterAsync(timeoutMilliseconds: 5_000);

        var released = Task.Run(async () =>
        {
            await Task.Delay(300);
            await ExecuteAsync(holder, "COMMIT;");
        });
        var watch = Stopwatch.StartNew();
        await ExecuteAsync(waiter, "INSERT INTO t VALUES (2);");
        await released;

        Assert.True(watch.ElapsedMilliseconds >= 250, "the insert went through while the other writer held the lock");
        Assert.Equal(2L, await ScalarAsync(waiter, "SELECT count(*) FROM t;"));
    }

    [Fact]
    public async Task AWriter_GivesUpAfterItsTimeout_WithSqliteBusy()
    {
        await using var holder = await HoldTheWriteLockAsync();
        await using var waiter = await OpenWaiterAsync(timeoutMilliseconds: 100);

        await using var insert = waiter.CreateCommand();
        insert.CommandText = "INSERT INTO t VALUES (2);";
        insert.CommandTimeout = 1; // the provider's own retries end after a second
        var error = await Assert.ThrowsAsync<SqliteException>(() => insert.ExecuteNonQueryAsync());

        Assert.Equal(5, error.SqliteErrorCode); // SQLITE_BUSY
        await ExecuteAsync(holder, "COMMIT;");
        Assert.Equal(1L, await ScalarAsync(waiter, "SELECT count(*) FROM t;"));
    }

    /// <summary>A connection in a write transaction (a row of table t inserted, not committed): the lock the other one waits for.</summary>
    private async Task<SqliteConnection> HoldTheWriteLockAsync()
    {
        var holder = await OpenAsync();
        await ExecuteAsync(holder, "CREATE TABLE t (x INTEGER); PRAGMA journal_mode=WAL;");
        await ExecuteAsync(holder, "BEGIN IMMEDIATE; INSERT INTO t VALUES (1);");
        return holder;
    }

    /// <summary>A second connection with the app's busy handler, as EF Core's interceptor sets it up on open.</summary>
    private async Task<SqliteConnection> OpenWaiterAsync(int timeoutMilliseconds)
    {
        var waiter = await OpenAsync();
        new SqliteBusyTimeout(timeoutMilliseconds).ConnectionOpened(waiter, null!);
        return waiter;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
