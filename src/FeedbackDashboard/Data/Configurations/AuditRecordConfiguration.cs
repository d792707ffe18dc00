using FeedbackDashboard.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

public sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Actor).HasMaxLength(256);
        builder.Property(r => r.Action).HasMaxLength(100);
        builder.Property(r => r.Subject).HasMaxLength(256);
        builder.Property(r => r.Before).HasMaxLength(16_000);
        builder.Property(r => r.After).HasMaxLength(16_000);
        builder.HasIndex(r => new { r.Action, r.Id });
        builder.HasIndex(r => r.At);
    }
}
