using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Features.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

public sealed class SegmentDailyAggregateConfiguration : IEntityTypeConfiguration<SegmentDailyAggregate>
{
    public void Configure(EntityTypeBuilder<SegmentDailyAggregate> builder)
    {
        // Key first: the segments query reads one key's days, all values, from the key alone.
        builder.HasKey(a => new { a.Key, a.Day, a.Value, a.Source });
        builder.Property(a => a.Key).HasMaxLength(Interaction.MaxMetadataKeyLength);
        builder.Property(a => a.Value).HasMaxLength(SegmentDailyAggregate.MaxValueLength);
        builder.Property(a => a.Source).HasMaxLength(Interaction.MaxSourceLength);
    }
}

public sealed class SegmentSettingsConfiguration : IEntityTypeConfiguration<SegmentSettings>
{
    public void Configure(EntityTypeBuilder<SegmentSettings> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Keys).IsTagList();
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}
