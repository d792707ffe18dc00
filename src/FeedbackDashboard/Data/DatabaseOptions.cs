namespace FeedbackDashboard.Data;

/// <summary>Bound from the "Database" section; the connection string is ConnectionStrings:Feedback.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "Feedback";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start. SQLite always does; SQL Server only when this is on.</summary>
    public bool MigrateOnStart { get; set; }
}
