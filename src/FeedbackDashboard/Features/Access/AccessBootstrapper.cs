using FeedbackDashboard.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Access;

/// <summary>
/// At start, after the migrator: the roles, the first admin (demo accounts in Development, else
/// Bootstrap:AdminEmail/AdminPassword) and the provisioned ingest key. Outside Development an
/// empty user table with no admin configured stops the app: there are no default passwords.
/// </summary>
internal sealed class AccessBootstrapper(
    IServiceScopeFactory scopeFactory,
    IOptions<BootstrapOptions> options,
    IHostEnvironment environment,
    ApiKeyService apiKeys,
    ILogger<AccessBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.AdminEmail) && !string.IsNullOrEmpty(settings.AdminPassword))
        {
            await EnsureUserAsync(users, settings.AdminEmail.Trim(), settings.AdminPassword, AppRoles.Admin, "Bootstrap:AdminPassword");
        }
        if (!string.IsNullOrWhiteSpace(settings.AdminEmail))
        {
            await RestoreAdminAsync(users, settings.AdminEmail.Trim());
        }

        if (environment.IsDevelopment() && !await users.Users.AnyAsync(cancellationToken))
        {
            foreach (var account in DemoAccounts.All)
            {
                await EnsureUserAsync(users, account.Email, account.Password, account.Role, "demo account");
            }
            var lines = string.Join(Environment.NewLine, DemoAccounts.All.Select(a => $"  {AppRoles.DisplayName(a.Role),-16} {a.Email,-22} {a.Password}"));
            logger.LogWarning("Development: demo accounts created (sign in at /Account/Login):{NewLine}{Accounts}", Environment.NewLine, lines);
        }

        if (!await users.Users.AnyAsync(cancellationToken))
        {
            throw new BootstrapException(
                "No user can sign in: the user table is empty and no first admin is configured. " +
                "Set Bootstrap:AdminEmail and Bootstrap:AdminPassword (environment variables Bootstrap__AdminEmail and " +
                "Bootstrap__AdminPassword) and start again; the password needs 10 or more characters with an upper-case " +
                "letter, a lower-case letter and a digit.");
        }

        if (!string.IsNullOrEmpty(settings.IngestApiKey))
        {
            if (settings.IngestApiKey.Length < ApiKeyService.MinimumProvisionedLength)
            {
                throw new BootstrapException($"Bootstrap:IngestApiKey must be at least {ApiKeyService.MinimumProvisionedLength} characters long.");
            }
            if (await apiKeys.ProvisionAsync(settings.IngestApiKey, "Bootstrap ingest key", ApiKeyScopes.All, cancellationToken))
            {
                logger.LogInformation("Provisioned the API key from Bootstrap:IngestApiKey (ingest and read scopes)");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// With no active admin left (all disabled or demoted, however that happened), the configured
    /// Bootstrap:AdminEmail gets admin rights back and is enabled: there is always a way in.
    /// </summary>
    private async Task RestoreAdminAsync(UserManager<ApplicationUser> users, string email)
    {
        if ((await users.GetUsersInRoleAsync(AppRoles.Admin)).Any(a => !a.IsDisabled) || await users.FindByEmailAsync(email) is not { } user)
        {
            return;
        }
        user.IsDisabled = false;
        user.LockoutEnd = null;
        Check(await users.UpdateAsync(user), $"enable {email}");
        Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)), $"reset the roles of {email}");
        Check(await users.AddToRoleAsync(user, AppRoles.Admin), $"make {email} an admin");
        await users.UpdateSecurityStampAsync(user);
        logger.LogWarning("No active admin was left: {Email} (Bootstrap:AdminEmail) is an admin again", email);
    }

    private static async Task EnsureUserAsync(UserManager<ApplicationUser> users, string email, string password, string role, string what)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new BootstrapException($"Could not create {email} from the {what}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }
        Check(await users.AddToRoleAsync(user, role), $"add {email} to {role}");
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new BootstrapException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
