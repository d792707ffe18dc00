using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Review;

/// <summary>The people a review task can be assigned to: enabled reviewers and admins.</summary>
public sealed class ReviewerDirectory(IDbContextFactory<FeedbackDbContext> contextFactory)
{
    public async Task<IReadOnlyList<Assignee>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        string[] roles = [AppRoles.Reviewer, AppRoles.Admin];
        return await db.UserRoles
            .Join(db.Roles.Where(r => roles.Contains(r.Name!)), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users.Where(u => u.LockoutEnd == null || u.LockoutEnd != DateTimeOffset.MaxValue), id => id, u => u.Id, (_, u) => u)
            .Distinct()
            .OrderBy(u => u.Email)
            .Select(u => new Assignee(u.Id, u.Email ?? u.Id))
            .ToListAsync(cancellationToken);
    }
}
