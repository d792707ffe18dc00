using System.Security.Claims;

namespace FeedbackDashboard.Tests.Infrastructure;

/// <summary>Principals for calling services directly, as the pages do for a signed-in person.</summary>
public static class TestPrincipals
{
    public static ClaimsPrincipal WithRole(string role, string name = "tester@demo.local") =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));
}
