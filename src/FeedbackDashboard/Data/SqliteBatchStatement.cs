using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FeedbackDashboard.Data;

/// <summary>
/// One SQLite statement prepared in the caller's EF Core transaction and run for each row of a batch:
/// EF Core makes and prepares a command per row, which was most of the time of the app's hottest
/// writes (ADR-010). Only on SQLite: <see cref="Prepare"/> gives null on other providers, whose
/// callers go through EF Core.
/// </summary>
public sealed class SqliteBatchStatement : IAsyncDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    private SqliteBatchStatement(SqliteCommand command, SqliteParameter[] parameters) => (_command, _parameters) = (command, parameters);

    /// <param name="parameters">The statement's parameter names ("$id"), in the order <see cref="Execute"/> takes their values.</param>
    public static SqliteBatchStatement? Prepare(FeedbackDbContext db, string sql, params string[] parameters)
    {
        if (db is not SqliteFeedbackDbContext)
        {
            return null;
        }
        var command = ((SqliteConnection)db.Database.GetDbConnection()).CreateCommand();
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A batch statement runs in the caller's transaction.");
        command.CommandText = sql;
        var bound = parameters.Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        command.Prepare();
        return new SqliteBatchStatement(command, bound);
    }

    /// <summary>Runs the statement with these values (null is SQL NULL); returns the number of rows it changed.</summary>
    public int Execute(params object?[] values)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }
        return _command.ExecuteNonQuery();
    }

    /// <summary>The rowid of the row the last insert on this connection made.</summary>
    public long LastInsertRowId => SQLitePCL.raw.sqlite3_last_insert_rowid(_command.Connection!.Handle);

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
