namespace FeedbackDashboard.Features.Access;

/// <summary>A machine credential. Only its SHA-256 hash is stored; the key itself is shown once.</summary>
public sealed class ApiKey
{
    public const int MaxNameLength = 100;
    public const int PrefixLength = 11;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }

    /// <summary>The first characters of the key ("fdk_" and 7 more), shown in lists to tell keys apart.</summary>
    public required string Prefix { get; init; }

    /// <summary>SHA-256 of the whole key, hex.</summary>
    public required string Hash { get; init; }

    public ApiKeyScopes Scopes { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public bool IsRevoked => RevokedAt is not null;
}
