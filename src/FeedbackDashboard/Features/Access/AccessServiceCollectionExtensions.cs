using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace FeedbackDashboard.Features.Access;

public static class AccessServiceCollectionExtensions
{
    public const string ByPathScheme = "ByPath";

    /// <summary>An end user's browser sending feedback on one interaction (Features/FeedbackTokens); named here, where the scheme is chosen.</summary>
    public const string FeedbackTokenScheme = "FeedbackToken";
    public const string FeedbackTokenHeader = "X-Feedback-Token";

    /// <summary>People (Identity, cookies, roles), machines (API keys), the policies and the limits.</summary>
    public static IHostApplicationBuilder AddAccess(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.SectionName);
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SignInLimitsOptions>().BindConfiguration(SignInLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.AddKeyRing();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionAuthenticationStateProvider>();
        services.AddSingleton<SessionWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionWatch>());

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = ByPathScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            // An X-Api-Key (or an end user's X-Feedback-Token) header counts on /api only; pages, the Blazor
            // circuit and /hubs see cookies only.
            .AddPolicyScheme(ByPathScheme, "API key or feedback token on /api, else the sign-in cookie", options =>
                options.ForwardDefaultSelector = context =>
                    !context.Request.Path.StartsWithSegments(ApiPaths.ApiPrefix) ? IdentityConstants.ApplicationScheme
                    : context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) ? ApiKeyAuthenticationHandler.SchemeName
                    : context.Request.Headers.ContainsKey(FeedbackTokenHeader) ? FeedbackTokenScheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.HttpOnly = true;
            options.Events.OnRedirectToLogin = context => MachineAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => MachineAwareRedirect(context, StatusCodes.Status403Forbidden);
            options.Events.OnValidatePrincipal = SessionRevalidation.ValidateAsync;
        });

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.Stores.SchemaVersion = FeedbackDbContext.IdentitySchemaVersion;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<FeedbackDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AccessPolicies.Read, p => p.RequireRole(AppRoles.ProductManager, AppRoles.Reviewer, AppRoles.Admin))
            .AddPolicy(AccessPolicies.Review, p => p.RequireRole(AppRoles.Reviewer, AppRoles.Admin))
            .AddPolicy(AccessPolicies.Administer, p => p.RequireRole(AppRoles.Admin))
            // The /api policies judge the caller the default scheme found (a key when the request has one,
            // else the sign-in cookie): one authentication a request. A signed-in person is known to the
            // ingest endpoints (so is refused with 403, not 401), but only a key may ingest.
            .AddPolicy(AccessPolicies.ApiIngest, p => p
                .RequireClaim(ApiKeyScopeNames.ClaimType, ApiKeyScopeNames.Ingest))
            .AddPolicy(AccessPolicies.ApiFeedback, p => p
                .RequireAssertion(c =>
                    c.User.HasClaim(ApiKeyScopeNames.ClaimType, ApiKeyScopeNames.Ingest)
                    || c.User.Identity?.AuthenticationType == FeedbackTokenScheme))
            .AddPolicy(AccessPolicies.ApiRead, p => p
                .RequireAssertion(c =>
                    c.User.HasClaim(ApiKeyScopeNames.ClaimType, ApiKeyScopeNames.Read)
                    || AppRoles.All.Any(c.User.IsInRole)))
            .AddPolicy(AccessPolicies.ApiStartJobs, p => p
                .RequireAssertion(c =>
                    c.User.HasClaim(ApiKeyScopeNames.ClaimType, ApiKeyScopeNames.Ingest)
                    || AppRoles.All.Any(c.User.IsInRole)))
            .AddPolicy(AccessPolicies.ApiReview, p => p
                .RequireRole(AppRoles.Reviewer, AppRoles.Admin))
            .AddPolicy(AccessPolicies.ApiAdminister, p => p
                .RequireRole(AppRoles.Admin));

        services.AddOptions<IdentityOptions>().Configure<Microsoft.Extensions.Options.IOptions<SignInLimitsOptions>>((identity, limits) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = limits.Value.MaxFailuresPerAccount;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(limits.Value.LockoutMinutes);
        });
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<ApiKeyService>();
        services.AddScoped<UserAdministration>();
        services.AddHostedService<AccessBootstrapper>();
        services.AddIngestRateLimiting();
        return builder;
    }

    private static Task MachineAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (ApiPaths.IsMachineFacing(context.Request.Path))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
