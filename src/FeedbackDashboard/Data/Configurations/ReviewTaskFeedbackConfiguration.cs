using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

public sealed class ReviewTaskFeedbackConfiguration : IEntityTypeConfiguration<ReviewTaskFeedback>
{
    public void Configure(EntityTypeBuilder<ReviewTaskFeedback> builder)
    {
        builder.HasKey(r => new { r.ReviewTaskId, r.FeedbackId });
        builder.HasOne<UserFeedback>().WithMany().HasForeignKey(r => r.FeedbackId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.FeedbackId);
    }
}
