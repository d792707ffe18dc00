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

    /// <param name="text">One plain line a chat tool can show as it is.</param>
    public async Task EnqueueAsync(FeedbackDbContext db, string eventType, object data, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var eventId = "evt_" + Guid.CreateVersion7().ToString("N");
        var payload = JsonSerializer.Serialize(new { id = eventId, type = eventType, createdAt = now, data, text }, JsonSerializerOptions.Web);
        var subscribers = (await db.WebhookSubscriptions.Where(s => s.Enabled).Select(s => new { s.Id, s.Events }).ToListAsync(cancellationToken))
            .Where(s => s.Events.Count == 0 || s.Events.Contains(eventType))
            .Select(s => s.Id);
        foreach (var subscription in subscribers)
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

/// <summary>The event types a webhook can receive, by their wire names.</summary>
public static class WebhookEvents
{
    public const string KnowledgePublished = "knowledge.published";
    public const string InstructionsPublished = "instructions.published";
    public const string ReviewTaskCreated = "review_task.created";
    public const string ReviewTaskResolved = "review_task.resolved";
    public const string CorrectionApproved = "correction.approved";
    public const string ChangeVerdict = "change.verdict";
    public const string AlertFired = "alert.fired";
    public const string AlertResolved = "alert.resolved";

    public static IReadOnlyList<string> All { get; } =
        [KnowledgePublished, InstructionsPublished, ReviewTaskCreated, ReviewTaskResolved, CorrectionApproved, ChangeVerdict, AlertFired, AlertResolved];
}
