namespace FeedbackDashboard.Features.Audit;

/// <summary>One decision someone made: who, when, what, and the state before and after (JSON).</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public DateTimeOffset At { get; init; }

    /// <summary>The person's email, or "system" for start-up provisioning.</summary>
    public required string Actor { get; init; }

    /// <summary>A dotted verb: "apikey.created", "user.role_changed", "triggers.updated", ...</summary>
    public required string Action { get; init; }

    /// <summary>What it was done to: a key id, a user's email, "triggers".</summary>
    public required string Subject { get; init; }

    public string? Before { get; init; }
    public string? After { get; init; }
}
