using System.Net;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FeedbackDashboard.Tests.Access;

/// <summary>
/// What an admin does to an account takes effect at once, a disabled account can be enabled again,
/// and there is always an active admin. Bootstrap:AdminEmail is the demo admin, for the restore.
/// </summary>
public class AccountLifecycleTests(AccountLifecycleTests.App app) : IClassFixture<AccountLifecycleTests.App>
{
    private static readonly DemoAccounts.Account DemoAdmin = DemoAccounts.All.Single(a => a.Role == AppRoles.Admin);

    public sealed class App : FeedbackAppFactoryBase
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Bootstrap:AdminEmail", DemoAdmin.Email);
    }

    private async Task<(string Id, string Email, string Password)> NewUserAsync(string role)
    {
        var email = $"user-{Guid.NewGuid():N}@demo.local";
        const string password = "Lifecycle-User-2026";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var admin = TestPrincipals.WithRole(AppRoles.Admin);
        Assert.True((await users.CreateAsync(admin, email, password, role)).Succeeded);
        return ((await users.ListAsync(admin)).Single(u => u.Email == email).Id, email, password);
    }

    private async Task<AdminResult> AdministerAsync(Func<UserAdministration, System.Security.Claims.ClaimsPrincipal, Task<AdminResult>> act)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<UserAdministration>(), TestPrincipals.WithRole(AppRoles.Admin));
    }

    [Fact]
    public async Task ADemotedReviewersOpenSession_CannotActAnyMore_AtOnce()
    {
        var (id, email, password) = await NewUserAsync(AppRoles.Reviewer);
        var reviewer = await app.CreateSignedInClientAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/api/v1/corrections")).StatusCode);

        Assert.True((await AdministerAsync((u, admin) => u.SetRoleAsync(admin, id, AppRoles.ProductManager))).Succeeded);

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/v1/corrections")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync("/api/v1/insights")).StatusCode); // still a product manager
    }

    [Fact]
    public async Task ADisabledUsersOpenSession_EndsAtOnce_AndEnablingLetsThemBackIn()
    {
        var (id, email, password) = await NewUserAsync(AppRoles.Reviewer);
        var session = await app.CreateSignedInClientAsync(email, password);

        Assert.True((await AdministerAsync((u, admin) => u.SetDisabledAsync(admin, id, true))).Succeeded);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/feedback/export?format=csv")).StatusCode);
        var refused = await app.CreateClient(new() { AllowAutoRedirect = false }).SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the form again

        Assert.True((await AdministerAsync((u, admin) => u.SetDisabledAsync(admin, id, false))).Succeeded);
        var listed = (await AdministerAsync(async (u, admin) =>
            (await u.ListAsync(admin)).Single(x => x.Id == id) is { IsDisabled: false, IsLockedOut: false } ? AdminResult.Ok : AdminResult.Fail("still off")));
        Assert.True(listed.Succeeded);
        var back = await app.CreateSignedInClientAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/api/v1/corrections")).StatusCode);
    }

    /// <summary>Runs alone in its app state: it takes every admin away and lets the start-up put one back.</summary>
    [Fact]
    public async Task TheLastActiveAdmin_CannotBeDisabledOrDemoted_AndAtStartBootstrapAdminEmailRestoresOne()
    {
        var (second, _, _) = await NewUserAsync(AppRoles.Admin);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var demoAdmin = (await users.FindByEmailAsync(DemoAdmin.Email))!;

        Assert.True((await AdministerAsync((u, admin) => u.SetDisabledAsync(admin, second, true))).Succeeded);
        Assert.False((await AdministerAsync((u, admin) => u.SetRoleAsync(admin, demoAdmin.Id, AppRoles.Reviewer))).Succeeded);
        Assert.False((await AdministerAsync((u, admin) => u.SetDisabledAsync(admin, demoAdmin.Id, true))).Succeeded);

        // However it happened (an old version, a hand edit), no active admin is left; a start restores one.
        await users.RemoveFromRoleAsync(demoAdmin, AppRoles.Admin);
        await users.AddToRoleAsync(demoAdmin, AppRoles.Reviewer);
        var bootstrapper = app.Services.GetServices<IHostedService>().OfType<AccessBootstrapper>().Single();
        await bootstrapper.StartAsync(CancellationToken.None);

        var restored = (await users.FindByEmailAsync(DemoAdmin.Email))!;
        Assert.Equal([AppRoles.Admin], await users.GetRolesAsync(restored));
        Assert.False(restored.IsDisabled);
        var signedIn = await app.CreateSignedInClientAsync(DemoAdmin);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/v1/audit")).StatusCode);
        Assert.True((await AdministerAsync((u, admin) => u.SetDisabledAsync(admin, second, false))).Succeeded);
    }
}
