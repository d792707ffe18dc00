using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

public sealed class QueryPatternConfiguration : IEntityTypeConfiguration<QueryPattern>
{
    public void Configure(EntityTypeBuilder<QueryPattern> builder)
    {
        builder.HasKey(p => p.Key);
        builder.Property(p => p.Key).HasMaxLength(Interaction.MaxPatternLength);
        builder.Property(p => p.RepresentativeQuery).HasMaxLength(Interaction.MaxQueryLength);
        builder.Property(p => p.Embedding).IsEmbedding();
        builder.HasIndex(p => p.CreatedAt);
    }
}
