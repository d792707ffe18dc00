namespace FeedbackDashboard.Features.Webhooks;

/// <summary>Bound from "Webhooks".</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>
    /// Allow receivers on loopback, link-local (cloud metadata at 169.254.169.254), private and other
    /// non-public addresses. Off by default: a webhook must not become a way into the network the
    /// dashboard runs in. Turn it on only where receivers really live on a private network.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }
}
