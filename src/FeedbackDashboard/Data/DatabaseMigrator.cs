using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Data;

/// <summary>
/// Brings the schema up to date before the app takes requests (hosted services start before
/// Kestrel does). SQLite always migrates; SQL Server only when Database:MigrateOnStart is on,
/// since production databases are usually migrated by a deployment step.
/// </summary>
internal sealed class DatabaseMigrator(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider == DatabaseProvider.SqlServer && !options.Value.MigrateOnStart)
        {
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        if (applied.Count > 0 && !applied.Intersect(db.Database.GetMigrations()).Any())
        {
            // The migrations were squashed into one before the first release; a database made by an
            // earlier build has none of today's and cannot be brought up to date in place.
            throw new Features.Access.BootstrapException(
                $"The database was made by a pre-release build (its last migration is {applied[^1]}). " +
                "Delete it (for the default SQLite file: App_Data/feedback.db) and start again; the demo data is made anew.");
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (options.Value.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets the dashboard read while feedback is written; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
