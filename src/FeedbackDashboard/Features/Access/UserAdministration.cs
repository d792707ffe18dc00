using System.Security.Claims;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Access;

/// <summary>People and their roles, for admins. Every change is checked and audited.</summary>
public sealed class UserAdministration(
    UserManager<ApplicationUser> users,
    IDbContextFactory<FeedbackDbContext> contextFactory,
    AuditLog audit,
    SessionWatch sessions,
    TimeProvider time)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        CallerChecks.RequireRole(caller, AppRoles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var roleOf = await db.UserRoles
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var all = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        return all.Select(u => new UserSummary(
                u.Id, u.Email ?? u.UserName ?? u.Id,
                roleOf.Where(r => r.UserId == u.Id).Select(r => r.Name!).FirstOrDefault(),
                IsDisabled: u.IsDisabled,
                IsLockedOut: !u.IsDisabled && u.LockoutEnd > now))
            .ToList();
    }

    public async Task<AdminResult> CreateAsync(ClaimsPrincipal caller, string email, string password, string role)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Admin);
        if (!AppRoles.All.Contains(role))
        {
            return AdminResult.Fail($"Unknown role '{role}'.");
        }
        var user = new ApplicationUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return AdminResult.Fail(created.Errors.Select(e => e.Description));
        }
        await users.AddToRoleAsync(user, role);
        await AuditAsync(actor, "user.created", user.Email!, null, new { user.Email, role });
        return AdminResult.Ok;
    }

    public async Task<AdminResult> SetRoleAsync(ClaimsPrincipal caller, string userId, string role)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Admin);
        if (!AppRoles.All.Contains(role))
        {
            return AdminResult.Fail($"Unknown role '{role}'.");
        }
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AdminResult.Fail("No such user.");
        }
        var current = await users.GetRolesAsync(user);
        if (current.Contains(AppRoles.Admin) && role != AppRoles.Admin && await IsLastAdminAsync(user))
        {
            return AdminResult.Fail("This is the last active admin; make someone else an admin first.");
        }
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await sessions.ChangedAsync(user.Id); // open sessions go on with the new role; hub connections reconnect with it
        await AuditAsync(actor, "user.role_changed", user.Email!, new { roles = current }, new { roles = new[] { role } });
        return AdminResult.Ok;
    }

    public async Task<AdminResult> SetDisabledAsync(ClaimsPrincipal caller, string userId, bool disabled)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Admin);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AdminResult.Fail("No such user.");
        }
        if (disabled && user.Id == users.GetUserId(caller))
        {
            return AdminResult.Fail("You cannot disable yourself.");
        }
        if (disabled && await users.IsInRoleAsync(user, AppRoles.Admin) && await IsLastAdminAsync(user))
        {
            return AdminResult.Fail("This is the last active admin; make someone else an admin first.");
        }
        user.IsDisabled = disabled;
        if (!disabled)
        {
            user.LockoutEnd = null; // also frees a user disabled the old way (a lockout that never ends)
            user.AccessFailedCount = 0;
        }
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return AdminResult.Fail(updated.Errors.Select(e => e.Description));
        }
        await users.UpdateSecurityStampAsync(user); // signs the user out everywhere
        await sessions.ChangedAsync(user.Id);
        await AuditAsync(actor, disabled ? "user.disabled" : "user.enabled", user.Email!, new { disabled = !disabled }, new { disabled });
        return AdminResult.Ok;
    }

    /// <summary>Whether the user is the only admin who is not disabled: demoting or disabling them would leave no admin.</summary>
    private async Task<bool> IsLastAdminAsync(ApplicationUser user)
    {
        var admins = await users.GetUsersInRoleAsync(AppRoles.Admin);
        return !user.IsDisabled && admins.Count(a => !a.IsDisabled) <= 1;
    }

    private async Task AuditAsync(string actor, string action, string subject, object? before, object? after)
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        audit.Record(db, actor, action, subject, before, after);
        await db.SaveChangesAsync();
    }
}

public sealed record UserSummary(string Id, string Email, string? Role, bool IsDisabled, bool IsLockedOut);

public sealed record AdminResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static readonly AdminResult Ok = new(true, []);

    public static AdminResult Fail(params IEnumerable<string> errors) => new(false, errors.ToList());
}
