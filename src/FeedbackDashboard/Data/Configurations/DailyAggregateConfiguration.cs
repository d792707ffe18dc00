using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

public sealed class DailyAggregateConfiguration : IEntityTypeConfiguration<DailyAggregate>
{
    public void Configure(EntityTypeBuilder<DailyAggregate> builder)
    {
        builder.HasKey(a => new { a.Day, a.Source });
        builder.Property(a => a.Source).HasMaxLength(Interaction.MaxSourceLength);
        builder.Ignore(a => a.Total);
    }
}
