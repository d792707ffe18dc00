using FeedbackDashboard.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace FeedbackDashboard.Features.Access;

/// <summary>
/// Every request that comes with the sign-in cookie (API calls, page loads, the hub's and the circuit's
/// negotiate) is checked against the user's facts now (<see cref="SessionWatch"/>): a changed security
/// stamp or a disabled user ends the session, changed roles replace the cookie's. Identity's own
/// validator looks only every 30 minutes by default. The cache is trusted only to let a session go on:
/// whatever disagrees with it is read again from the database before anything is refused.
/// </summary>
public static class SessionRevalidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal || SessionFacts.UserIdOf(principal) is not { } userId)
        {
            return;
        }
        var watch = context.HttpContext.RequestServices.GetRequiredService<SessionWatch>();
        var believed = SessionFacts.Of(principal);
        var ct = context.HttpContext.RequestAborted;
        if (await watch.CurrentAsync(userId, cancellationToken: ct) == believed)
        {
            return;
        }
        var current = await watch.CurrentAsync(userId, fresh: true, ct);
        if (current == believed)
        {
            return;
        }
        if (current is null || !current.KeepsSessionOf(believed))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        // Same session, other roles: carry on with the roles the database has now, in a renewed cookie.
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>();
        if (await signIn.UserManager.FindByIdAsync(userId) is not { } user)
        {
            context.RejectPrincipal();
            return;
        }
        context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(user));
        context.ShouldRenew = true;
    }
}
