using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

public sealed class ReviewTaskConfiguration : IEntityTypeConfiguration<ReviewTask>
{
    public void Configure(EntityTypeBuilder<ReviewTask> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.PatternKey).HasMaxLength(Interaction.MaxPatternLength);
        builder.Property(t => t.ActivePatternKey).HasMaxLength(Interaction.MaxPatternLength);
        builder.Property(t => t.RepresentativeQuery).HasMaxLength(Interaction.MaxQueryLength);
        builder.Property(t => t.SuggestedAction).HasMaxLength(200);
        builder.Property(t => t.AssigneeId).HasMaxLength(450);
        builder.Property(t => t.AssigneeName).HasMaxLength(256);
        builder.Property(t => t.Source).HasMaxLength(Interaction.MaxSourceLength);
        builder.Property(t => t.ResolutionNote).HasMaxLength(ReviewTask.MaxNoteLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.NegativeShare);

        builder.HasMany(t => t.RelatedFeedback).WithOne().HasForeignKey(r => r.ReviewTaskId).OnDelete(DeleteBehavior.Cascade);

        // The database refuses a second open or in-review task for one pattern.
        builder.HasIndex(t => t.ActivePatternKey).IsUnique();
        builder.HasIndex(t => new { t.Status, t.CreatedAt });
        builder.HasIndex(t => t.PatternKey);
        builder.HasIndex(t => new { t.Severity, t.Id });
    }
}
