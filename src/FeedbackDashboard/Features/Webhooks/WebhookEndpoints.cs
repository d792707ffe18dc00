using System.Security.Claims;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Webhooks;

/// <summary>Webhook subscriptions and their delivery log, for signed-in admins.</summary>
public static class WebhookEndpoints
{
    /// <param name="Events">The event types to receive; omitted or empty: all of them, those added later too.</param>
    public sealed record CreateRequest(string? Url, List<string>? Events = null);

    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").RequireAuthorization(AccessPolicies.ApiAdminister);
        webhooks.MapGet("", async (WebhookRegistry registry, CancellationToken ct) =>
            Results.Ok(new ItemsResponse<WebhookDto>(await registry.ListAsync(ct)))).WithName("ListWebhooks");
        webhooks.MapPost("", async (HttpRequest request, ClaimsPrincipal user, WebhookRegistry registry, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<CreateRequest>(request, 16 * 1024, ct);
            return problem ?? (await registry.CreateAsync(user, body!.Url, body.Events, ct)).ToHttpResult();
        }).Accepts<CreateRequest>("application/json").WithName("CreateWebhook")
            .WithSummary("Register a URL for the events it names (events: knowledge.published, instructions.published, review_task.created, " +
                "review_task.resolved, correction.approved; omitted: all); the answer holds the signing secret, shown this once.");
        webhooks.MapPost("/{id:long}/enable", async (long id, ClaimsPrincipal user, WebhookRegistry registry, CancellationToken ct) =>
            (await registry.SetEnabledAsync(user, id, true, ct)).ToHttpResult()).WithName("EnableWebhook");
        webhooks.MapPost("/{id:long}/disable", async (long id, ClaimsPrincipal user, WebhookRegistry registry, CancellationToken ct) =>
            (await registry.SetEnabledAsync(user, id, false, ct)).ToHttpResult()).WithName("DisableWebhook");
        webhooks.MapDelete("/{id:long}", async (long id, ClaimsPrincipal user, WebhookRegistry registry, CancellationToken ct) =>
            (await registry.DeleteAsync(user, id, ct)) is ActionOutcome<bool>.Done ? Results.NoContent() : Problems.NotFound("id", $"No webhook {id}."))
            .WithName("DeleteWebhook");
        webhooks.MapGet("/{id:long}/deliveries", async (long id, WebhookRegistry registry, CancellationToken ct) =>
            Results.Ok(new ItemsResponse<DeliveryDto>(await registry.DeliveriesAsync(id, 100, ct)))).WithName("ListWebhookDeliveries")
            .WithSummary("The newest 100 deliveries, each with its attempts.");
        webhooks.MapPost("/deliveries/{id:long}/redeliver", async (long id, ClaimsPrincipal user, WebhookRegistry registry, CancellationToken ct) =>
            (await registry.RedeliverAsync(user, id, ct)).ToHttpResult()).WithName("RedeliverWebhook");
        return api;
    }
}
