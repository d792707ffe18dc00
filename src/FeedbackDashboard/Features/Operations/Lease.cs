namespace FeedbackDashboard.Features.Operations;

/// <summary>Which instance holds a piece of background work (issue clustering, retention) until when.</summary>
public sealed class Lease
{
    public const int MaxNameLength = 100;

    public required string Name { get; init; }
    public required string Holder { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
