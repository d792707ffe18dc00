using System.Diagnostics;
using System.Text;
using FeedbackDashboard.Core.Webhooks;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Webhooks;

/// <summary>
/// Sends the queued deliveries that are due, signed, and logs every attempt. A failure is tried again
/// on <see cref="RetrySchedule"/>; deliveries wait in the database, so a restart or a receiver that is
/// down for hours loses nothing. Looks for due deliveries every second, and at once when woken.
/// </summary>
public sealed class WebhookDeliveryWorker(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    IHttpClientFactory httpClients,
    WebhookOutbox outbox,
    TimeProvider time,
    ILogger<WebhookDeliveryWorker> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";
    private const int BatchSize = 20;
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Sending webhooks failed; the deliveries stay queued");
            }
            await outbox.WaitAsync(PollEvery, time, stoppingToken);
        }
    }

    /// <returns>How many deliveries were attempted.</returns>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var due = await db.WebhookDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }
        // Claim each before sending, so that of several instances only one sends it.
        var claimedUntil = now + ClaimFor;
        var claimed = new List<WebhookDelivery>();
        foreach (var delivery in due)
        {
            var id = delivery.Id;
            if (await db.WebhookDeliveries.Where(d => d.Id == id && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, claimedUntil), cancellationToken) == 1)
            {
                claimed.Add(delivery);
            }
        }
        due = claimed;
        var ids = due.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        await Task.WhenAll(due.Select(d => AttemptAsync(db, d, subscriptions.GetValueOrDefault(d.SubscriptionId), cancellationToken)));
        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    private async Task AttemptAsync(FeedbackDbContext db, WebhookDelivery delivery, WebhookSubscription? subscription, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        int? status = null;
        string? error = null;
        if (subscription is null || !subscription.Enabled)
        {
            error = "The subscription is disabled.";
        }
        else
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
                {
                    Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
                };
                request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Header(subscription.Secret, time.GetUtcNow(), delivery.Payload));
                request.Headers.Add("FeedbackDashboard-Event", delivery.EventType);
                request.Headers.Add("FeedbackDashboard-Delivery", delivery.EventId);
                using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
                status = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode)
                {
                    error = DeliveryFailure.ForStatus(status.Value);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Any failure is this delivery's failed attempt: one bad receiver never stops the batch.
                error = DeliveryFailure.Describe(e);
            }
        }

        var now = time.GetUtcNow();
        delivery.Attempts++;
        delivery.LastStatusCode = status;
        delivery.LastError = error is null ? null : error[..Math.Min(error.Length, 2_000)];
        if (error is null)
        {
            delivery.Status = DeliveryStatus.Delivered;
            delivery.DeliveredAt = now;
        }
        else if (RetrySchedule.KeepTrying(delivery.CreatedAt, now) && subscription is { Enabled: true })
        {
            delivery.NextAttemptAt = now + RetrySchedule.Delay(delivery.Attempts);
        }
        else
        {
            delivery.Status = DeliveryStatus.Failed;
        }
        lock (db)
        {
            db.WebhookAttempts.Add(new WebhookAttempt
            {
                DeliveryId = delivery.Id, At = now, StatusCode = status, Error = delivery.LastError,
                DurationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            });
        }
        if (error is not null)
        {
            logger.LogWarning("Webhook delivery {DeliveryId} ({EventType}) to subscription {SubscriptionId} failed: {Error}",
                delivery.Id, delivery.EventType, delivery.SubscriptionId, error);
        }
    }
}
