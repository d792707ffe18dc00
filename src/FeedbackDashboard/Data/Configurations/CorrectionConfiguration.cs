using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Core.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

public sealed class CorrectionConfiguration : IEntityTypeConfiguration<Correction>
{
    public void Configure(EntityTypeBuilder<Correction> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Source).HasMaxLength(Interaction.MaxSourceLength);
        builder.Property(c => c.PatternKey).HasMaxLength(Interaction.MaxPatternLength);
        builder.Property(c => c.Query).HasMaxLength(Interaction.MaxQueryLength);
        builder.Property(c => c.Answer).HasMaxLength(Interaction.MaxResponseLength);
        builder.Property(c => c.OriginalText).HasMaxLength(Correction.MaxTextLength);
        builder.Property(c => c.Text).HasMaxLength(Correction.MaxTextLength);
        builder.Property(c => c.AuthorName).HasMaxLength(256);
        builder.Property(c => c.DecidedBy).HasMaxLength(256);
        builder.Property(c => c.Reason).HasMaxLength(Correction.MaxReasonLength);
        builder.Property(c => c.Embedding).IsEmbedding();
        builder.Property(c => c.Version).IsConcurrencyToken();

        // A correction outlives its feedback when retention deletes old raw feedback.
        builder.HasOne<UserFeedback>().WithMany().HasForeignKey(c => c.FeedbackId).OnDelete(DeleteBehavior.SetNull);
        // One correction per correction feedback item (nullable: SQL Server gets a filtered index).
        builder.HasIndex(c => c.FeedbackId).IsUnique();
        builder.HasIndex(c => new { c.Status, c.Id });
        builder.HasIndex(c => c.GroupId);
        builder.HasIndex(c => c.ReviewTaskId);
    }
}
