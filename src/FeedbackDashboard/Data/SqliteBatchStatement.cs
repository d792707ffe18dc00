using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace FeedbackDashboard.Data;

/// <summary>
/// One SQLite statement prepared on the connection of the caller's EF Core transaction and stepped
/// for each row of a batch: EF Core makes and prepares a command per row, which was most of the time
/// of the app's hottest writes (ADR-010), and even a reused SqliteCommand opens a data reader and a
/// binder per parameter for every row; this binds and steps the prepared statement itself. Only on
/// SQLite: <see cref="Prepare"/> gives null on other providers, whose callers go through EF Core.
/// </summary>
public sealed class SqliteBatchStatement : IAsyncDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _indexes;

    private SqliteBatchStatement(sqlite3 db, sqlite3_stmt statement, int[] indexes) => (_db, _statement, _indexes) = (db, statement, indexes);

    /// <param name="parameters">The statement's parameter names ("$id"), in the order <see cref="Execute"/> takes their values.</param>
    public static SqliteBatchStatement? Prepare(FeedbackDbContext db, string sql, params string[] parameters)
    {
        if (db is not SqliteFeedbackDbContext)
        {
            return null;
        }
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A batch statement runs in the caller's transaction.");
        }
        // The transaction belongs to the connection: a statement stepped on it writes inside it.
        var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        var indexes = parameters.Select(name => raw.sqlite3_bind_parameter_index(statement, name)).ToArray();
        if (indexes.Contains(0))
        {
            statement.Dispose();
            throw new ArgumentException($"The statement has no parameter {parameters[Array.IndexOf(indexes, 0)]}.", nameof(parameters));
        }
        return new SqliteBatchStatement(handle, statement, indexes);
    }

    /// <summary>Runs the statement with these values (null is SQL NULL); returns the number of rows it changed.</summary>
    public int Execute(params object?[] values)
    {
        raw.sqlite3_reset(_statement);
        for (var i = 0; i < _indexes.Length; i++)
        {
            Check(Bind(_indexes[i], values[i]), _db);
        }
        var result = raw.sqlite3_step(_statement);
        if (result != raw.SQLITE_DONE)
        {
            Check(result, _db);
        }
        return raw.sqlite3_changes(_db);
    }

    /// <summary>The rowid of the row the last insert on this connection made.</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    // The storage each value gets matches Microsoft.Data.Sqlite's binding of the same CLR type.
    private int Bind(int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(_statement, index),
        string text => raw.sqlite3_bind_text(_statement, index, text),
        long number => raw.sqlite3_bind_int64(_statement, index, number),
        int number => raw.sqlite3_bind_int64(_statement, index, number),
        bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
        double number => raw.sqlite3_bind_double(_statement, index, number),
        byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
        _ => throw new ArgumentException($"A batch statement does not bind {value.GetType().Name} values.", nameof(value)),
    };

    private static void Check(int result, sqlite3 db)
    {
        if (result is not raw.SQLITE_OK and not raw.SQLITE_ROW and not raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(result, db);
        }
    }

    public ValueTask DisposeAsync()
    {
        _statement.Dispose();
        return ValueTask.CompletedTask;
    }
}
