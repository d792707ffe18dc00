using System.Text.Json;
using System.Threading.Channels;
using FeedbackDashboard.Core.Webhooks;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Webhooks;

/// <summary>
/// Queues an event for every enabled subscription in the caller's context, so the deliveries commit
/// (or not) with the publish they announce; after the commit, <see cref="Wake"/> sends them at once.
/// </summary>
public sealed class WebhookOutbox
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public async Task EnqueueAsync(FeedbackDbContext db, string eventType, object data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var eventId = "evt_" + Guid.CreateVersion7().ToString("N");
        var payload = JsonSerializer.Serialize(new { id = eventId, type = eventType, createdAt = now, data }, JsonSerializerOptions.Web);
        foreach (var subscription in await db.WebhookSubscriptions.Where(s => s.Enabled).Select(s => s.Id).ToListAsync(cancellationToken))
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                SubscriptionId = subscription,
                EventId = eventId,
                EventType = eventType,
                Payload = payload,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }

    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Waits until woken or the timeout passes (on the app's clock).</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        await _wake.Reader.WaitToReadAsync(timeout, time, cancellationToken);
        _wake.Reader.TryRead(out _);
    }
}

public static class WebhookEvents
{
    public const string KnowledgePublished = "knowledge.published";
    public const string InstructionsPublished = "instructions.published";
}
