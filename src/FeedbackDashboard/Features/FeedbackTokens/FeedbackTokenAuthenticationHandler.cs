using System.Security.Claims;
using System.Text.Encodings.Web;
using FeedbackDashboard.Features.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.FeedbackTokens;

/// <summary>
/// Authenticates an end user's browser by the X-Feedback-Token header, on /api only. The principal
/// carries the one interaction it may send feedback on, and no scope: it passes no read, ingest or
/// review policy, only the feedback endpoint's.
/// </summary>
public sealed class FeedbackTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    FeedbackTokenService tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = AccessServiceCollectionExtensions.FeedbackTokenScheme;
    public const string HeaderName = AccessServiceCollectionExtensions.FeedbackTokenHeader;
    public const string InteractionClaim = "feedback_token_interaction";
    public const string TokenIdClaim = IngestRateLimiting.FeedbackTokenIdClaim;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrEmpty(values.ToString()))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var (grant, refusal) = tokens.Read(values.ToString());
        if (grant is null)
        {
            return Task.FromResult(AuthenticateResult.Fail(refusal!));
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, $"feedback-token:{grant.TokenId}"),
            new Claim(TokenIdClaim, grant.TokenId),
            new Claim(InteractionClaim, grant.InteractionId),
        ], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message ?? "Send a feedback token in the X-Feedback-Token header.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        await Results.Problem(statusCode: 401, title: "Unauthorized", detail: failure).ExecuteAsync(Context);
    }
}
