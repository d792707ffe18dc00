using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Bench;

/// <summary>The app's own SQLite schema in a file of the benchmark's, migrated as the app migrates it.</summary>
public static class BenchDatabase
{
    public static async Task<string> CreateAsync(DirectoryInfo directory, string name)
    {
        var connectionString = $"Data Source={Path.Combine(directory.FullName, name)}";
        await using var db = new SqliteFeedbackDbContext(DesignTime.Options<SqliteFeedbackDbContext>().UseSqlite(connectionString).Options);
        await db.Database.MigrateAsync();
        return connectionString;
    }
}

public sealed class BenchContextFactory(string connectionString, bool showSql = false) : IDbContextFactory<FeedbackDbContext>
{
    private readonly DbContextOptions<SqliteFeedbackDbContext> _options = showSql
        ? DesignTime.Options<SqliteFeedbackDbContext>().UseSqlite(connectionString)
            .LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]).Options
        : DesignTime.Options<SqliteFeedbackDbContext>().UseSqlite(connectionString).Options;

    public FeedbackDbContext CreateDbContext() => new SqliteFeedbackDbContext(_options);
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
