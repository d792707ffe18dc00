using FeedbackDashboard.Features.Triggers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

public sealed class TriggerSettingsConfiguration : IEntityTypeConfiguration<TriggerSettings>
{
    public void Configure(EntityTypeBuilder<TriggerSettings> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}
