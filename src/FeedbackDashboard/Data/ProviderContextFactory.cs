using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Data;

/// <summary>Hands out the configured provider's context as the <see cref="FeedbackDbContext"/> every service asks for.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<FeedbackDbContext>
    where TContext : FeedbackDbContext
{
    public FeedbackDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<FeedbackDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
