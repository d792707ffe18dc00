using System.Security.Claims;
using System.Security.Cryptography;
using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Webhooks;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Audit;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Webhooks;

/// <param name="Events">The event types it receives; empty: all.</param>
public sealed record WebhookDto(long Id, string Url, IReadOnlyList<string> Events, bool Enabled, string CreatedBy, DateTimeOffset CreatedAt, int Pending, int Failed, DateTimeOffset? LastDeliveredAt);

/// <param name="Secret">Shown once, when the subscription is made: receivers verify signatures with it.</param>
public sealed record CreatedWebhook(WebhookDto Webhook, string Secret);

public sealed record DeliveryDto(long Id, long SubscriptionId, string EventId, string EventType, DeliveryStatus Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, int? LastStatusCode, string? LastError,
    IReadOnlyList<AttemptDto> AttemptLog);

public sealed record AttemptDto(DateTimeOffset At, int? StatusCode, string? Error, double DurationMs);

/// <summary>Admins register, disable and remove webhook URLs, read the delivery log, and redeliver.</summary>
public sealed class WebhookRegistry(
    IDbContextFactory<FeedbackDbContext> contextFactory, WebhookOutbox outbox, AuditLog audit, TimeProvider time,
    Microsoft.Extensions.Options.IOptionsMonitor<WebhookOptions> options)
{
    public static string Subject(long id) => $"webhook/{id}";

    public async Task<IReadOnlyList<WebhookDto>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var stats = await db.WebhookDeliveries.GroupBy(d => d.SubscriptionId).Select(g => new
        {
            g.Key,
            Pending = g.Count(d => d.Status == DeliveryStatus.Pending),
            Failed = g.Count(d => d.Status == DeliveryStatus.Failed),
            Last = g.Max(d => d.DeliveredAt),
        }).ToDictionaryAsync(g => g.Key, cancellationToken);
        return subscriptions.Select(s => ToDto(s, stats.TryGetValue(s.Id, out var st) ? (st.Pending, st.Failed, st.Last) : (0, 0, null))).ToList();
    }

    public async Task<ActionOutcome<CreatedWebhook>> CreateAsync(ClaimsPrincipal caller, string? url, IReadOnlyList<string>? events = null, CancellationToken cancellationToken = default)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Admin);
        var errors = new ValidationErrors();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || url!.Length > WebhookSubscription.MaxUrlLength)
        {
            errors.Add("url", $"Give an absolute http or https URL of at most {WebhookSubscription.MaxUrlLength:N0} characters.");
            return new ActionOutcome<CreatedWebhook>.Invalid(errors);
        }
        if (events?.FirstOrDefault(e => !WebhookEvents.All.Contains(e)) is { } unknown)
        {
            errors.Add("events", $"Unknown event '{unknown}': use any of {string.Join(", ", WebhookEvents.All)}, or none for all.");
            return new ActionOutcome<CreatedWebhook>.Invalid(errors);
        }
        if (await WebhookTargets.RefusalAsync(uri, options.CurrentValue.AllowPrivateTargets, cancellationToken) is { } refusal)
        {
            errors.Add("url", refusal);
            return new ActionOutcome<CreatedWebhook>.Invalid(errors);
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var secret = "whsec_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var subscription = new WebhookSubscription
        {
            Url = uri.ToString(), Events = events?.Distinct().ToList() ?? [], Secret = secret, CreatedBy = actor, CreatedAt = time.GetUtcNow(),
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(db, actor, "webhook.created", Subject(subscription.Id), after: new { subscription.Url, subscription.Events });
        await db.SaveChangesAsync(cancellationToken);
        return new ActionOutcome<CreatedWebhook>.Done(new CreatedWebhook(ToDto(subscription, (0, 0, null)), secret));
    }

    public async Task<ActionOutcome<WebhookDto>> SetEnabledAsync(ClaimsPrincipal caller, long id, bool enabled, CancellationToken cancellationToken = default)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return new ActionOutcome<WebhookDto>.NotFound("id", $"No webhook {id}.");
        }
        audit.Record(db, actor, enabled ? "webhook.enabled" : "webhook.disabled", Subject(id), new { enabled = subscription.Enabled }, new { enabled });
        subscription.Enabled = enabled;
        await db.SaveChangesAsync(cancellationToken);
        return new ActionOutcome<WebhookDto>.Done((await ListAsync(cancellationToken)).Single(w => w.Id == id));
    }

    public async Task<ActionOutcome<bool>> DeleteAsync(ClaimsPrincipal caller, long id, CancellationToken cancellationToken = default)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null)
        {
            return new ActionOutcome<bool>.NotFound("id", $"No webhook {id}.");
        }
        db.WebhookSubscriptions.Remove(subscription);
        audit.Record(db, actor, "webhook.deleted", Subject(id), new { subscription.Url });
        await db.SaveChangesAsync(cancellationToken);
        return new ActionOutcome<bool>.Done(true);
    }

    public async Task<IReadOnlyList<DeliveryDto>> DeliveriesAsync(long subscriptionId, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscriptionId)
            .OrderByDescending(d => d.Id).Take(take).ToListAsync(cancellationToken);
        var ids = deliveries.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).OrderBy(a => a.Id).ToListAsync(cancellationToken))
            .ToLookup(a => a.DeliveryId);
        return deliveries.Select(d => new DeliveryDto(d.Id, d.SubscriptionId, d.EventId, d.EventType, d.Status, d.Attempts,
                d.CreatedAt, d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt, d.LastStatusCode, d.LastError,
                attempts[d.Id].Select(a => new AttemptDto(a.At, a.StatusCode, a.Error, a.DurationMs)).ToList()))
            .ToList();
    }

    /// <summary>Sends a delivery again now, whatever became of it: the receiver gets the same event id.</summary>
    public async Task<ActionOutcome<DeliveryDto>> RedeliverAsync(ClaimsPrincipal caller, long deliveryId, CancellationToken cancellationToken = default)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is null)
        {
            return new ActionOutcome<DeliveryDto>.NotFound("id", $"No delivery {deliveryId}.");
        }
        var before = new { status = delivery.Status.ToWire(), delivery.Attempts };
        delivery.Status = DeliveryStatus.Pending;
        delivery.NextAttemptAt = time.GetUtcNow();
        audit.Record(db, actor, "webhook.redelivered", Subject(delivery.SubscriptionId), before, new { deliveryId, delivery.EventId, delivery.EventType });
        await db.SaveChangesAsync(cancellationToken);
        outbox.Wake();
        return new ActionOutcome<DeliveryDto>.Done((await DeliveriesAsync(delivery.SubscriptionId, 500, cancellationToken)).Single(d => d.Id == deliveryId));
    }

    private static WebhookDto ToDto(WebhookSubscription s, (int Pending, int Failed, DateTimeOffset? Last) stats) =>
        new(s.Id, s.Url, s.Events, s.Enabled, s.CreatedBy, s.CreatedAt, stats.Pending, stats.Failed, stats.Last);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
