using System.Security.Claims;

namespace FeedbackDashboard.Features.Access;

/// <summary>Services that change data check their caller themselves, whatever the page already hid.</summary>
public static class CallerChecks
{
    public static string RequireRole(ClaimsPrincipal caller, params string[] roles)
    {
        if (caller.Identity?.IsAuthenticated != true || !roles.Any(caller.IsInRole))
        {
            throw new UnauthorizedAccessException($"This needs the role {string.Join(" or ", roles)}.");
        }
        return Actor(caller);
    }

    /// <summary>How the audit log names a person: their email (the user name).</summary>
    public static string Actor(ClaimsPrincipal caller) => caller.Identity?.Name ?? "unknown";
}
