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
}
