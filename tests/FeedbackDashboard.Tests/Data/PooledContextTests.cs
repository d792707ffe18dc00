using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Data;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Data;

/// <summary>The app's contexts come from a pool: a returned one is reused, with nothing of its last use left in it.</summary>
public sealed class PooledContextTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    [Fact]
    public async Task AReturnedContext_IsReused_WithNothingTrackedFromItsLastUse()
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<FeedbackDbContext>>();

        FeedbackDbContext first;
        await using (first = await contexts.CreateDbContextAsync())
        {
            first.Interactions.Add(new Interaction { Id = "pooled-left-unsaved", Query = "q", Source = "pool-test" });
            Assert.Single(first.ChangeTracker.Entries());
        }

        // The pool hands out what was returned first first, and the app's background services return theirs too.
        FeedbackDbContext? again = null;
        for (var rented = 0; rented < 100 && again is null; rented++)
        {
            await using var next = await contexts.CreateDbContextAsync();
            if (ReferenceEquals(next, first))
            {
                again = next;
                Assert.Empty(next.ChangeTracker.Entries());
                await next.SaveChangesAsync();
                Assert.False(await next.Interactions.AnyAsync(i => i.Id == "pooled-left-unsaved"));
            }
        }
        Assert.NotNull(again);
    }
}
