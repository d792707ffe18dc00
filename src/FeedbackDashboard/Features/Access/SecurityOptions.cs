namespace FeedbackDashboard.Features.Access;

/// <summary>Bound from "Security".</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Redirect to HTTPS and send HSTS outside Development. Turn off behind a proxy that
    /// terminates TLS itself.
    /// </summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>
    /// Take the client's address and scheme from X-Forwarded-For and X-Forwarded-Proto: only behind
    /// a proxy (nginx in docker-compose) that sets them, never when clients reach the app directly.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }

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
