using System.Net;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedbackDashboard.Tests.Access;

/// <summary>
/// Sessions already open when an admin changes a user (hub connections, circuits, cookies) follow the
/// change: at once when it is made on this instance, within Security:SessionCheckSeconds (5) when
/// another instance made it, which is simulated by changing the database behind the app's back.
/// </summary>
public class OpenSessionsTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(5);

    private async Task<(string Id, DemoAccounts.Account Account)> NewUserAsync(string role)
    {
        var account = new DemoAccounts.Account($"open-{Guid.NewGuid():N}@demo.local", "Open-Session-2026", role);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var admin = TestPrincipals.WithRole(AppRoles.Admin);
        Assert.True((await people.CreateAsync(admin, account.Email, account.Password, role)).Succeeded);
        return ((await people.ListAsync(admin)).Single(u => u.Email == account.Email).Id, account);
    }

    private async Task<AdminResult> AdministerAsync(Func<UserAdministration, System.Security.Claims.ClaimsPrincipal, Task<AdminResult>> act)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<UserAdministration>(), TestPrincipals.WithRole(AppRoles.Admin));
    }

    /// <summary>What another instance does: the change is in the database, this instance was not told.</summary>
    private async Task DemoteBehindTheAppsBackAsync(string userId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, AppRoles.ProductManager);
    }

    private static TaskCompletionSource<Exception?> ClosedOf(HubConnection hub)
    {
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        return closed;
    }

    [Fact]
    public async Task ADemotedReviewersHubConnection_IsEndedAtOnce_AndReconnectsWithoutTheReviewFeed()
    {
        var (id, account) = await NewUserAsync(AppRoles.Reviewer);
        var browser = await app.SignInAsync(account);
        await using var hub = app.Hub(browser.Cookies);
        var closed = ClosedOf(hub);
        await hub.StartAsync();

        Assert.True((await AdministerAsync((u, admin) => u.SetRoleAsync(admin, id, AppRoles.ProductManager))).Succeeded);

        await closed.Task.WaitAsync(Promptly);
        await using var again = app.Hub(browser.Cookies);
        await again.StartAsync(); // a product manager may still read the live feed
        Assert.Equal(HubConnectionState.Connected, again.State);
    }

    [Fact]
    public async Task ADisabledUsersHubConnection_IsEndedAtOnce_AndCannotReconnect()
    {
        var (id, account) = await NewUserAsync(AppRoles.Reviewer);
        var browser = await app.SignInAsync(account);
        await using var hub = app.Hub(browser.Cookies);
        var closed = ClosedOf(hub);
        await hub.StartAsync();

        Assert.True((await AdministerAsync((u, admin) => u.SetDisabledAsync(admin, id, true))).Succeeded);

        await closed.Task.WaitAsync(Promptly);
        await using var again = app.Hub(browser.Cookies);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task AChangeMadeOnAnotherInstance_ReachesOpenConnectionsAndCookies_WithinTheCheckInterval()
    {
        var (id, account) = await NewUserAsync(AppRoles.Reviewer);
        var browser = await app.SignInAsync(account);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/api/v1/corrections")).StatusCode);
        await using var hub = app.Hub(browser.Cookies);
        var closed = ClosedOf(hub);
        await hub.StartAsync();

        await DemoteBehindTheAppsBackAsync(id);
        Assert.False(closed.Task.IsCompleted);

        app.Factory.Clock.Advance(TimeSpan.FromSeconds(6)); // past Security:SessionCheckSeconds: the sweep and the cache
        await closed.Task.WaitAsync(Promptly);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Client.GetAsync("/api/v1/corrections")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/api/v1/insights")).StatusCode);
    }

    [Fact]
    public async Task ACircuitsUser_FollowsARoleChange_AndBecomesAnonymousWhenDisabled()
    {
        var (id, account) = await NewUserAsync(AppRoles.Reviewer);
        var watch = app.Factory.Services.GetRequiredService<SessionWatch>();
        using var circuit = new SessionAuthenticationStateProvider(watch, app.Factory.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<SessionAuthenticationStateProvider>.Instance);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
            var user = (await signIn.UserManager.FindByIdAsync(id))!;
            var started = NextStateOf(circuit);
            circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(await signIn.CreateUserPrincipalAsync(user))));
            await started.WaitAsync(Promptly);
        }
        await WatchingAsync(watch, id);

        var demoted = NextStateOf(circuit);
        Assert.True((await AdministerAsync((u, admin) => u.SetRoleAsync(admin, id, AppRoles.ProductManager))).Succeeded);
        var afterRoleChange = (await demoted.WaitAsync(Promptly)).User;
        Assert.Equal(account.Email, afterRoleChange.Identity?.Name);
        Assert.True(afterRoleChange.IsInRole(AppRoles.ProductManager));
        Assert.False(afterRoleChange.IsInRole(AppRoles.Reviewer));
        await WatchingAsync(watch, id);

        var disabled = NextStateOf(circuit);
        Assert.True((await AdministerAsync((u, admin) => u.SetDisabledAsync(admin, id, true))).Succeeded);
        Assert.False((await disabled.WaitAsync(Promptly)).User.Identity?.IsAuthenticated);
    }

    /// <summary>The state the provider announces next (it re-watches on each announcement, in the background).</summary>
    private static Task<AuthenticationState> NextStateOf(AuthenticationStateProvider provider)
    {
        var next = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(Task<AuthenticationState> state)
        {
            provider.AuthenticationStateChanged -= Handler;
            _ = state.ContinueWith(s => next.TrySetResult(s.Result), TaskScheduler.Default);
        }
        provider.AuthenticationStateChanged += Handler;
        return next.Task;
    }

    private static async Task WatchingAsync(SessionWatch watch, string userId)
    {
        var deadline = DateTime.UtcNow + Promptly;
        while (!watch.IsWatching(userId))
        {
            Assert.True(DateTime.UtcNow < deadline, "the circuit never watched its user");
            await Task.Delay(20);
        }
    }
}
