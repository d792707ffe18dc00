using System.Net;

namespace FeedbackDashboard.Features.Access;

/// <summary>What the configuration says about HTTPS, read once before the app is built.</summary>
public sealed record HttpsPlan(bool Enforced, bool ListensOnHttps, IReadOnlyList<System.Net.IPNetwork> Proxies, int ProxyHttpsPort, string? Problem)
{
    public static HttpsPlan From(IConfiguration configuration, IHostEnvironment environment)
    {
        var security = configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new();
        var proxies = new List<System.Net.IPNetwork>();
        string? problem = null;
        foreach (var entry in security.KnownProxies.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()))
        {
            if (ParseNetwork(entry) is { } network)
            {
                proxies.Add(network);
            }
            else
            {
                problem ??= $"Security:KnownProxies has '{entry}', which is neither an IP address nor a network (10.0.0.0/8).";
            }
        }
        var listensOnHttps = HasHttpsEndpoint(configuration);
        var enforced = security.RequireHttps && !environment.IsDevelopment();
        if (enforced && !listensOnHttps && proxies.Count == 0)
        {
            problem ??= "Security:RequireHttps is true, but the app listens on HTTP only and trusts no proxy to say the scheme, " +
                "so it could neither redirect to HTTPS nor mark cookies Secure. Behind a proxy that ends TLS, set " +
                "Security:KnownProxies (Security__KnownProxies__0=10.0.0.0/8) to its address or network and have it send " +
                "X-Forwarded-Proto; or listen on HTTPS yourself (ASPNETCORE_URLS=https://+:443 and a certificate); " +
                "or set Security:RequireHttps=false where nothing but HTTPS can reach the app.";
        }
        return new HttpsPlan(enforced && problem is null, listensOnHttps, proxies, security.ProxyHttpsPort, problem);
    }

    private static System.Net.IPNetwork? ParseNetwork(string entry) =>
        System.Net.IPNetwork.TryParse(entry, out var network) ? network
        : IPAddress.TryParse(entry, out var address) ? new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8)
        : null;

    private static bool HasHttpsEndpoint(IConfiguration configuration) =>
        (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(IsHttps)
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_port"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => IsHttps(e["Url"]));

    private static bool IsHttps(string? url) => url?.StartsWith("https:", StringComparison.OrdinalIgnoreCase) == true;
}
