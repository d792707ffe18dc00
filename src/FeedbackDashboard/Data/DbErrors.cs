using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Data;

public static class DbErrors
{
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    // SQLite: busy, locked, I/O error, disk full, cannot open, read-only (primary result codes).
    private static readonly int[] SqliteUnavailable = [5, 6, 10, 13, 14, 8];
    // SQL Server: timeouts, deadlock victim, cannot open or log in, connection broken, database unavailable.
    private static readonly int[] SqlServerUnavailable = [-2, 1205, 4060, 18456, 40613, 40197, 40501, 49918, 233, 10053, 10054, 10060, 64];

    /// <summary>
    /// The database could not be reached or could not take the write for now (locked, full, down):
    /// the caller may try again later, and nothing was stored.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        SqliteException sqlite => SqliteUnavailable.Contains(sqlite.SqliteErrorCode),
        SqlException sql => sql.Errors.Cast<SqlError>().Any(e => SqlServerUnavailable.Contains(e.Number)),
        TimeoutException => true,
        InvalidOperationException { InnerException: { } inner } => IsUnavailable(inner), // EF's retry wrapper, pool timeouts
        DbUpdateException { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };

    /// <summary>A unique index refused the write: someone else stored the same key first.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException is { } inner && IsUniqueViolation(inner);

    /// <summary>The same for an exception from EF Core or straight from the provider (the ingest writer's raw inserts).</summary>
    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        DbUpdateException update => update.InnerException is { } inner && IsUniqueViolation(inner),
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
        SqlException sql => sql.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint,
        _ => false,
    };
}
