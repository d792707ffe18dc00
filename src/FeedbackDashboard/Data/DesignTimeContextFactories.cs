using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FeedbackDashboard.Data;

/// <summary>
/// Context options outside the running app: for `dotnet ef`, and for the benchmarks and tests that read
/// or fill a database file directly.
/// </summary>
public static class DesignTime
{
    /// <summary>Identity reads its schema version from the application's services; give it the running app's.</summary>
    public static DbContextOptionsBuilder<TContext> Options<TContext>() where TContext : DbContext =>
        new DbContextOptionsBuilder<TContext>().UseApplicationServiceProvider(
            new ServiceCollection()
                .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = FeedbackDbContext.IdentitySchemaVersion)
                .BuildServiceProvider());
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFeedbackDbContext>
{
    public SqliteFeedbackDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqliteFeedbackDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerFeedbackDbContext>
{
    public SqlServerFeedbackDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqlServerFeedbackDbContext>()
            .UseSqlServer("Server=localhost;Database=FeedbackDashboard;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
