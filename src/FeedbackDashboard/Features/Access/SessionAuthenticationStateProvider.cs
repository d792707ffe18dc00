using System.Security.Claims;
using FeedbackDashboard.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;

namespace FeedbackDashboard.Features.Access;

/// <summary>
/// A circuit's idea of its user follows the database: when the user is disabled or their security stamp
/// changes the circuit becomes anonymous (its pages send the browser to sign in, which ends the circuit);
/// when their roles change its pages and the services they call see the new roles. Told at once by
/// <see cref="SessionWatch"/> for changes on this instance, within Security:SessionCheckSeconds otherwise.
/// </summary>
public sealed class SessionAuthenticationStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));
    private readonly SessionWatch watch;
    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<SessionAuthenticationStateProvider> logger;
    private IDisposable? watching;

    public SessionAuthenticationStateProvider(SessionWatch watch, IServiceScopeFactory scopes, ILogger<SessionAuthenticationStateProvider> logger)
    {
        this.watch = watch;
        this.scopes = scopes;
        this.logger = logger;
        AuthenticationStateChanged += WatchUserOf;
    }

    private void WatchUserOf(Task<AuthenticationState> state) => _ = WatchAsync(state);

    private async Task WatchAsync(Task<AuthenticationState> state)
    {
        try
        {
            await StartWatchingAsync((await state).User);
        }
        catch (Exception e)
        {
            // The sweep does not know this circuit then; the next request's cookie check still applies.
            logger.LogWarning(e, "Could not watch the circuit's user for changes");
        }
    }

    private async Task StartWatchingAsync(ClaimsPrincipal principal)
    {
        Interlocked.Exchange(ref watching, null)?.Dispose();
        if (SessionFacts.UserIdOf(principal) is not { } userId)
        {
            return;
        }
        var believed = SessionFacts.Of(principal);
        watching = await watch.WatchAsync(userId, believed, current => FollowAsync(userId, believed, current));
    }

    private async Task FollowAsync(string userId, SessionFacts believed, SessionFacts? current)
    {
        if (current is null || !current.KeepsSessionOf(believed))
        {
            logger.LogInformation("Ending the circuit's session of user {UserId}: disabled, removed or signed out everywhere", userId);
            SetAuthenticationState(Task.FromResult(Anonymous));
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var user = await signIn.UserManager.FindByIdAsync(userId);
        SetAuthenticationState(Task.FromResult(user is null ? Anonymous : new AuthenticationState(await signIn.CreateUserPrincipalAsync(user))));
    }

    public void Dispose()
    {
        AuthenticationStateChanged -= WatchUserOf;
        Interlocked.Exchange(ref watching, null)?.Dispose();
    }
}
