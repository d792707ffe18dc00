using System.Security.Claims;

namespace FeedbackDashboard.Features.Access;

/// <summary>
/// What a signed-in session's rights rest on: the security stamp (changed by a password change and by
/// disabling), the disabled flag and the roles (sorted, comma-joined, so records compare by value).
/// </summary>
public sealed record SessionFacts(string? SecurityStamp, bool IsDisabled, string Roles)
{
    public const string SecurityStampClaimType = "AspNet.Identity.SecurityStamp";

    public static string JoinRoles(IEnumerable<string> roles) => string.Join(',', roles.Order(StringComparer.Ordinal));

    /// <summary>The facts a principal was issued with: what the session believes.</summary>
    public static SessionFacts Of(ClaimsPrincipal principal) => new(
        principal.FindFirstValue(SecurityStampClaimType),
        IsDisabled: false,
        JoinRoles(principal.FindAll(ClaimTypes.Role).Select(c => c.Value)));

    public static string? UserIdOf(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>Whether the session may go on at all: same stamp, not disabled (roles may differ).</summary>
    public bool KeepsSessionOf(SessionFacts believed) => !IsDisabled && SecurityStamp == believed.SecurityStamp;
}
