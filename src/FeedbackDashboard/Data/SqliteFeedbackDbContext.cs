using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FeedbackDashboard.Data;

public sealed class SqliteFeedbackDbContext(DbContextOptions<SqliteFeedbackDbContext> options) : FeedbackDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<UserFeedback>().HasIndex(f => f.ProcessedAt).HasDatabaseName(UserFeedbackConfiguration.PendingIndex)
            .HasFilter("\"ProcessedAt\" IS NULL");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset text; all our times are UTC, so ticks order correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
