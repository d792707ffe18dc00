using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

public sealed class PatternDailyAggregateConfiguration : IEntityTypeConfiguration<PatternDailyAggregate>
{
    public void Configure(EntityTypeBuilder<PatternDailyAggregate> builder)
    {
        builder.HasKey(a => new { a.Day, a.PatternKey, a.Source });
        builder.Property(a => a.PatternKey).HasMaxLength(Interaction.MaxPatternLength);
        builder.Property(a => a.Source).HasMaxLength(Interaction.MaxSourceLength);
        builder.HasIndex(a => new { a.PatternKey, a.Day });
        // Covers the insights' per-pattern sums over a range of days, of one source or all: read from the index alone, never the table.
        builder.HasIndex(a => new { a.Day, a.PatternKey, a.Source, a.ThumbsDown, a.Total }).HasDatabaseName("IX_PatternDailyAggregates_Covering");
    }
}
