using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Access;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Tests.Data;

/// <summary>
/// The migrations were squashed into one before the first release: a database a pre-release build made
/// is refused with what to do, instead of failing half-way through creating tables that exist.
/// </summary>
public sealed class PreReleaseDatabaseTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"pre-release-{Guid.NewGuid():N}.db");

    private sealed class Contexts(string path) : IDbContextFactory<FeedbackDbContext>
    {
        public FeedbackDbContext CreateDbContext() =>
            new SqliteFeedbackDbContext(DesignTime.Options<SqliteFeedbackDbContext>().UseSqlite($"Data Source={path}").Options);
    }

    private DatabaseMigrator Migrator() =>
        new(new Contexts(path), Options.Create(new DatabaseOptions()), NullLogger<DatabaseMigrator>.Instance);

    [Fact]
    public async Task ADatabaseWithOnlyOlderMigrations_IsRefused_SayingToDeleteIt()
    {
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('20261128075113_InitialCreate', '10.0.0'), ('20261206173526_SignInFailuresPerAddress', '10.0.0');
                """;
            await command.ExecuteNonQueryAsync();
        }

        var refused = await Assert.ThrowsAsync<BootstrapException>(() => Migrator().StartAsync(CancellationToken.None));
        Assert.Contains("20261206173526_SignInFailuresPerAddress", refused.Message);
        Assert.Contains("App_Data/feedback.db", refused.Message);
    }

    [Fact]
    public async Task ANewDatabase_IsMigrated_AndAMigratedOneStartsAgain()
    {
        await Migrator().StartAsync(CancellationToken.None);
        await Migrator().StartAsync(CancellationToken.None);

        await using var db = new Contexts(path).CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
