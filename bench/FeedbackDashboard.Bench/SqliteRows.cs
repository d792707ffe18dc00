using Microsoft.Data.Sqlite;

namespace FeedbackDashboard.Bench;

/// <summary>Raw prepared SQLite inserts for filling the app's schema fast (not EF): a connection tuned for bulk writes, a prepared command, a row.</summary>
public static class SqliteRows
{
    public static async Task<SqliteConnection> OpenAsync(string connectionString, bool largeCache = false)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;" + (largeCache ? " PRAGMA cache_size=-200000;" : "");
        await pragma.ExecuteNonQueryAsync();
        return connection;
    }

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    public static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }
}
