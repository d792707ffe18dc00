namespace FeedbackDashboard.Features.Access;

/// <summary>Bound from "Security".</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Outside Development: redirect to HTTPS, send HSTS and mark cookies Secure. Needs an HTTPS
    /// endpoint of the app's own or <see cref="KnownProxies"/> that say the scheme (X-Forwarded-Proto);
    /// with neither the app refuses to start.
    /// </summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>
    /// The proxies (addresses, or networks as CIDR: 10.0.0.0/8) whose X-Forwarded-For and
    /// X-Forwarded-Proto are believed: the client's address and scheme come from them. Headers from
    /// anyone else are ignored. Empty: no proxy is trusted.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>The port browsers reach HTTPS on behind the proxies, for the redirect.</summary>
    public int ProxyHttpsPort { get; set; } = 443;

    /// <summary>
    /// Origins besides the dashboard's own (scheme://host[:port]) from which a signed-in browser may
    /// send writes and open the hub, for deployments where the address the browser sees differs from
    /// the one the app sees (a proxy that does not forward the host). Empty: the own origin only.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// How long an instance may trust what it last read about a signed-in user (roles, disabled,
    /// security stamp) before reading again, and how often open hub connections and circuits are
    /// checked against the database. A change made on this instance takes effect at once regardless;
    /// this bounds how long one made on another instance takes. 0: read on every request.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 60)]
    public int SessionCheckSeconds { get; set; } = 5;
}
