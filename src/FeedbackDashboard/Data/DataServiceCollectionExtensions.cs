using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FeedbackDashboard.Data;

public static class DataServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateOnStart();
        var options = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new();
        var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        // Pooled: a new context's first use resolves EF Core's per-context services and sets up every
        // DbSet, ~0.25 ms of CPU (the ingest writer's BEGIN took 10 µs an item of it, commits of ~25);
        // a pooled one is reset and reused. The contexts keep no state of their own besides.
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionStrings.Resolve(connectionString, builder.Environment.ContentRootPath);
                var busy = new SqliteBusyTimeout(new SqliteConnectionStringBuilder(sqlite).DefaultTimeout * 1000);
                services.AddPooledDbContextFactory<SqliteFeedbackDbContext>(o => o
                    // A list in a query (ids.Contains(x.Id)) as one JSON parameter read with json_each, not a
                    // parameter per element: SQLite finds each named parameter by a linear search, so a
                    // 1,000-id lookup spent most of its time binding.
                    .UseSqlite(sqlite, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .AddInterceptors(busy)
                    // SQLite rebuilds a table to change a column (PRAGMA foreign_keys outside the transaction):
                    // expected for our migrations, and said on every fresh start otherwise.
                    .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning)));
                services.AddSingleton<IDbContextFactory<FeedbackDbContext>, ProviderContextFactory<SqliteFeedbackDbContext>>();
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        $"Database:Provider is SqlServer but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set.");
                }
                services.AddPooledDbContextFactory<SqlServerFeedbackDbContext>(o =>
                    o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()));
                services.AddSingleton<IDbContextFactory<FeedbackDbContext>, ProviderContextFactory<SqlServerFeedbackDbContext>>();
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'.");
        }

        // Identity's stores take a scoped context.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<FeedbackDbContext>>().CreateDbContext());
        services.AddHostedService<DatabaseMigrator>();
        return builder;
    }
}

internal static class SqliteConnectionStrings
{
    public const string DefaultFile = "App_Data/feedback.db";
    public const int DefaultBusySeconds = 5;

    /// <summary>A relative data source is taken from the content root; its folder is created.</summary>
    public static string Resolve(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultFile}" : configured);
        if (!builder.ShouldSerialize("Default Timeout"))
        {
            // How long a write waits out another writer's lock (another instance, the pipeline) before
            // the API answers 503: seconds, not the provider's default of 30.
            builder.DefaultTimeout = DefaultBusySeconds;
        }
        var isFile = !string.IsNullOrEmpty(builder.DataSource)
            && builder.Mode != SqliteOpenMode.Memory
            && builder.DataSource != ":memory:";
        if (isFile)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }
}
