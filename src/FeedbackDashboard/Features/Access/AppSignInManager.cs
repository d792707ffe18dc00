using FeedbackDashboard.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Access;

/// <summary>
/// Identity's sign-in, except that a disabled user can neither sign in nor keep a session, and that
/// every attempt hashes the password once, so an unknown email, a paused or a disabled account answers
/// no sooner than a wrong password (the time does not tell whether an account exists).
/// </summary>
public sealed class AppSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly ApplicationUser Nobody = new();
    private static string? decoyHash;

    public override async Task<bool> CanSignInAsync(ApplicationUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<ApplicationUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { IsDisabled: false } user ? user : null;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }
        HashAsIfChecking(password);
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        // Identity answers these two before it looks at the password.
        if (user.IsDisabled || await IsLockedOut(user))
        {
            HashAsIfChecking(password);
        }
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    /// <summary>The work of checking a password against a stored hash made by the same hasher, with its result thrown away.</summary>
    private void HashAsIfChecking(string password)
    {
        decoyHash ??= UserManager.PasswordHasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        UserManager.PasswordHasher.VerifyHashedPassword(Nobody, decoyHash, password);
    }
}
