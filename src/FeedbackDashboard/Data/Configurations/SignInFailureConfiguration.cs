using FeedbackDashboard.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackDashboard.Data.Configurations;

public sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> builder)
    {
        builder.Property(f => f.Address).HasMaxLength(SignInFailure.MaxAddressLength);
        builder.HasIndex(f => new { f.Address, f.At });
        builder.HasIndex(f => f.At);
    }
}
