using FeedbackDashboard.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace FeedbackDashboard.Features.Access;

/// <summary>
/// Every request that comes with the sign-in cookie (API calls, page loads, the hub's negotiate)
/// reads the user again: a changed security stamp (disabled, password changed) ends the session, and
/// the roles are those in the database now. Identity's own validator looks only every 30 minutes by
/// default; the database is the truth across instances, so a demoted reviewer or a disabled user
/// cannot act once the change is saved. Costs a primary-key read and a roles read per request.
/// </summary>
public static class SessionRevalidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>();
        if (await signIn.ValidateSecurityStampAsync(context.Principal) is not { } user)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        var current = await signIn.CreateUserPrincipalAsync(user);
        context.ReplacePrincipal(current);
    }
}
