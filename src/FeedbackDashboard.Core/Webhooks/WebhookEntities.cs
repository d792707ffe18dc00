using System.Text.Json.Serialization;

namespace FeedbackDashboard.Core.Webhooks;

/// <summary>A URL an admin registered to hear of events: the ones it chose, or all of them.</summary>
public sealed class WebhookSubscription
{
    public const int MaxUrlLength = 2_000;

    public long Id { get; set; }
    public required string Url { get; set; }

    /// <summary>Signs the deliveries; shown to the admin once, when the subscription is made.</summary>
    public required string Secret { get; init; }

    /// <summary>The event types it receives; empty: every type, those added later too.</summary>
    public List<string> Events { get; set; } = [];

    public bool Enabled { get; set; } = true;
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

[JsonConverter(typeof(WireEnumConverter<DeliveryStatus>))]
public enum DeliveryStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending = 1,
    Delivered = 2,
    /// <summary>Retried for <see cref="RetrySchedule.GiveUpAfter"/> without success; an admin may redeliver it.</summary>
    Failed = 3,
}

/// <summary>One event for one subscription: queued in the database in the transaction that published, so it survives restarts.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public long SubscriptionId { get; init; }

    /// <summary>The event's id, the same for every subscription and every attempt: receivers de-duplicate with it.</summary>
    public required string EventId { get; init; }

    public required string EventType { get; init; }
    public required string Payload { get; init; }
    public DeliveryStatus Status { get; set; } = DeliveryStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
}

/// <summary>One try: the delivery log shown in the UI.</summary>
public sealed class WebhookAttempt
{
    public long Id { get; set; }
    public long DeliveryId { get; init; }
    public DateTimeOffset At { get; init; }
    public int? StatusCode { get; init; }
    public string? Error { get; init; }
    public double DurationMs { get; init; }
}
