using FeedbackDashboard.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Bench;

/// <summary>Context options for reading or filling a benchmark's SQLite file outside the app.</summary>
public static class BenchDatabase
{
    /// <summary>Identity reads its schema version from the application's services: give it the app's.</summary>
    public static DbContextOptionsBuilder<TContext> Options<TContext>() where TContext : DbContext =>
        new DbContextOptionsBuilder<TContext>().UseApplicationServiceProvider(
            new ServiceCollection()
                .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = FeedbackDbContext.IdentitySchemaVersion)
                .BuildServiceProvider());
}
