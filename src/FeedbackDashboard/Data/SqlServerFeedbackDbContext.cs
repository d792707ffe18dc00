using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Data;

public sealed class SqlServerFeedbackDbContext(DbContextOptions<SqlServerFeedbackDbContext> options) : FeedbackDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<UserFeedback>().HasIndex(f => f.ProcessedAt).HasDatabaseName(UserFeedbackConfiguration.PendingIndex)
            .HasFilter("[ProcessedAt] IS NULL");
    }
}
