using FeedbackDashboard.Core.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

public sealed class UserFeedbackConfiguration : IEntityTypeConfiguration<UserFeedback>
{
    public const string PendingIndex = "IX_Feedback_Pending";

    public void Configure(EntityTypeBuilder<UserFeedback> builder)
    {
        builder.ToTable("Feedback");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.ClientId).HasMaxLength(UserFeedback.MaxClientIdLength);
        builder.Property(f => f.InteractionId).HasMaxLength(Interaction.MaxIdLength);
        builder.Property(f => f.Comment).HasMaxLength(UserFeedback.MaxCommentLength);
        builder.Property(f => f.CorrectionText).HasMaxLength(UserFeedback.MaxCorrectionLength);
        builder.Property(f => f.PatternKey).HasMaxLength(Interaction.MaxPatternLength);
        builder.Property(f => f.Source).HasMaxLength(Interaction.MaxSourceLength);
        builder.Property(f => f.CommentEmbedding).IsCompactEmbedding();

        builder.HasOne<Interaction>().WithMany().HasForeignKey(f => f.InteractionId).OnDelete(DeleteBehavior.Cascade);

        // Idempotency: one row per client key (nullable; SQL Server gets a filtered index).
        builder.HasIndex(f => f.ClientId).IsUnique();
        // The trigger's window: a pattern's newest feedback by id.
        builder.HasIndex(f => new { f.PatternKey, f.Id });
        builder.HasIndex(f => new { f.Type, f.CreatedAt });
        builder.HasIndex(f => f.CreatedAt);
        // The pipeline's queue: the provider contexts filter it to the pending rows (ProcessedAt IS NULL).
        builder.HasIndex(f => f.ProcessedAt).HasDatabaseName(PendingIndex);
    }
}
