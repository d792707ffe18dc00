using FeedbackDashboard.Core.Changes;
using FeedbackDashboard.Core.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

public sealed class PublishedChangeConfiguration : IEntityTypeConfiguration<PublishedChange>
{
    public void Configure(EntityTypeBuilder<PublishedChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Source).HasMaxLength(Interaction.MaxSourceLength);
        builder.Property(c => c.Title).HasMaxLength(PublishedChange.MaxTitleLength);
        builder.Property(c => c.PublishedBy).HasMaxLength(256);
        builder.Property(c => c.PatternKeys).IsTagList();
        builder.HasIndex(c => c.PublishedAt);
        builder.HasIndex(c => c.ReviewTaskId);
        // The verdict worker's queue: changes not judged yet.
        builder.HasIndex(c => new { c.JudgedAt, c.PublishedAt });
    }
}
