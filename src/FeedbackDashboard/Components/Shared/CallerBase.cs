using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace FeedbackDashboard.Components.Shared;

/// <summary>A component that acts for the signed-in person: services check this principal themselves.</summary>
public abstract class CallerBase : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected async Task<ClaimsPrincipal> CallerAsync() =>
        AuthenticationState is null ? new ClaimsPrincipal() : (await AuthenticationState).User;
}
