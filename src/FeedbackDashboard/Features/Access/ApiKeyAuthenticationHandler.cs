using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Access;

/// <summary>Authenticates AI applications by the X-Api-Key header. Used only by the /api endpoints' policies.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string KeyIdClaim = "api_key_id";

    // One principal per validated key, built once: the identity is cached by ApiKeyService (and replaced
    // when the key changes), and nothing adds claims to a principal after authentication.
    private static readonly ConditionalWeakTable<ApiKeyIdentity, ClaimsPrincipal> Principals = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await keys.ValidateAsync(values[0]!, Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("The API key is not valid or was revoked.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(Principals.GetValue(identity, PrincipalOf), SchemeName));
    }

    private static ClaimsPrincipal PrincipalOf(ApiKeyIdentity identity)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, identity.Id.ToString()),
            new(ClaimTypes.Name, $"api-key:{identity.Name}"),
            new(KeyIdClaim, identity.Id.ToString()),
            .. ApiKeyScopeNames.Of(identity.Scopes).Select(s => new Claim(ApiKeyScopeNames.ClaimType, s)),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        return Task.CompletedTask;
    }
}
