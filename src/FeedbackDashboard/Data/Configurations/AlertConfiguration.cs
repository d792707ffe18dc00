using FeedbackDashboard.Core.Alerts;
using FeedbackDashboard.Core.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

public sealed class AlertRuleConfiguration : IEntityTypeConfiguration<AlertRule>
{
    public void Configure(EntityTypeBuilder<AlertRule> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(AlertRule.MaxNameLength);
        builder.Property(r => r.Source).HasMaxLength(Interaction.MaxSourceLength);
        builder.Property(r => r.Pattern).HasMaxLength(Interaction.MaxPatternLength);
        builder.Property(r => r.SegmentKey).HasMaxLength(Interaction.MaxMetadataKeyLength);
        builder.Property(r => r.SegmentValue).HasMaxLength(Interaction.MaxMetadataValueLength);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
    }
}

public sealed class AlertEventConfiguration : IEntityTypeConfiguration<AlertEvent>
{
    public void Configure(EntityTypeBuilder<AlertEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.RuleName).HasMaxLength(AlertRule.MaxNameLength);
        builder.Property(e => e.Kind).HasMaxLength(20);
        builder.Property(e => e.Text).HasMaxLength(1_000);
        builder.HasIndex(e => e.At);
        builder.HasOne<AlertRule>().WithMany().HasForeignKey(e => e.RuleId).OnDelete(DeleteBehavior.Cascade);
    }
}
