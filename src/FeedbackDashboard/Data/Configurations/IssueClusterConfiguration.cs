using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Issues;
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
        builder.Property(c => c.Centre).IsEmbedding();
        builder.HasIndex(c => new { c.IsCurrent, c.Frequency });
    }
}

public sealed class IssueDailyAggregateConfiguration : IEntityTypeConfiguration<IssueDailyAggregate>
{
    public void Configure(EntityTypeBuilder<IssueDailyAggregate> builder)
    {
        builder.HasKey(a => new { a.IssueClusterId, a.Day, a.Source });
        builder.Property(a => a.Source).HasMaxLength(Interaction.MaxSourceLength);
        builder.HasOne<IssueCluster>().WithMany().HasForeignKey(a => a.IssueClusterId).OnDelete(DeleteBehavior.Cascade);
        // A window's frequencies: every issue's counts over a range of days, from the index alone.
        builder.HasIndex(a => new { a.Day, a.Source, a.IssueClusterId, a.Count });
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

public sealed class IssueRunConfiguration : IEntityTypeConfiguration<IssueRun>
{
    public void Configure(EntityTypeBuilder<IssueRun> builder) => builder.HasKey(r => r.Id);
}
