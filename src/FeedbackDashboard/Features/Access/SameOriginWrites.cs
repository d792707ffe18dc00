using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Access;

/// <summary>
/// Fetch Metadata resource isolation: a write that a browser sends with the sign-in cookie is
/// refused (403) when the browser says it came from another site or origin, because SameSite=Lax
/// does not separate other ports of the same host or sibling subdomains. An unsafe request (POST,
/// PUT, PATCH, DELETE) or a WebSocket upgrade passes when it carries an API key, when
/// <c>Sec-Fetch-Site</c> is <c>same-origin</c> (or absent) and its <c>Origin</c> is this app's own or
/// one of Security:AllowedOrigins (or absent). A request with neither header does not come from a
/// browser page (scripts, SDKs, the .NET and Node SignalR clients) and goes on: cookies are not sent
/// cross-site by anything else.
/// </summary>
public sealed class SameOriginWrites(RequestDelegate next, IOptionsMonitor<SecurityOptions> options, ILogger<SameOriginWrites> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (Guarded(context.Request) && Refusal(context.Request) is { } reason)
        {
            logger.LogWarning("Refused {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, reason);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(
                new { type = "https://tools.ietf.org/html/rfc9110#section-15.5.4", title = "Forbidden", status = 403, detail = reason },
                options: null, contentType: "application/problem+json");
            return;
        }
        await next(context);
    }

    private static bool Guarded(HttpRequest request) =>
        !request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
        // A feedback token authenticates alone (no cookie is read with it); CORS decides which pages may send it.
        && !request.Headers.ContainsKey(AccessServiceCollectionExtensions.FeedbackTokenHeader)
        && (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            || request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase));

    private string? Refusal(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !site.Equals("same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return $"The request came from another site or origin (Sec-Fetch-Site: {site}).";
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsOwn(request, origin))
        {
            return "The request came from another origin; Security:AllowedOrigins lists the ones allowed besides this app's own.";
        }
        return null;
    }

    private bool IsOwn(HttpRequest request, string origin) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase)
        || options.CurrentValue.AllowedOrigins.Any(allowed => string.Equals(origin, allowed.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
}
