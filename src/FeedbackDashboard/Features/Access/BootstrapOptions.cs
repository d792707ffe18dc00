namespace FeedbackDashboard.Features.Access;

/// <summary>Bound from "Bootstrap": the first admin and an ingest key, for a fresh production install.</summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";

    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }

    /// <summary>Any string of at least 32 characters; stored hashed with both scopes.</summary>
    public string? IngestApiKey { get; set; }
}
