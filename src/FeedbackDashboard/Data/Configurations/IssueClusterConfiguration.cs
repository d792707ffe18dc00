using FeedbackDashboard.Core.Clustering;
using FeedbackDashboard.Core.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

public sealed class IssueClusterConfiguration : IEntityTypeConfiguration<IssueCluster>
{
    public void Configure(EntityTypeBuilder<IssueCluster> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Label).HasMaxLength(IssueCluster.MaxLabelLength);
        builder.Property(c => c.RepresentativeText).HasMaxLength(IssueCluster.MaxTextLength);
        builder.Property(c => c.TrendJson).HasMaxLength(8_000);
        builder.Property(c => c.SamplesJson).HasMaxLength(16_000);
        builder.HasIndex(c => new { c.IsCurrent, c.Frequency });
    }
}

public sealed class IssueClusterMemberConfiguration : IEntityTypeConfiguration<IssueClusterMember>
{
    public void Configure(EntityTypeBuilder<IssueClusterMember> builder)
    {
        builder.HasKey(m => new { m.IssueClusterId, m.FeedbackId });
        builder.HasOne<IssueCluster>().WithMany().HasForeignKey(m => m.IssueClusterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserFeedback>().WithMany().HasForeignKey(m => m.FeedbackId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.FeedbackId);
    }
}
