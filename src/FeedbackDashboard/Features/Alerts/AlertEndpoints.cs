using System.Security.Claims;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Alerts;

/// <summary>Alert rules, for signed-in admins; the alerts firing and their history for whoever may read.</summary>
public static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlertRuleEndpoints(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/alert-rules").RequireAuthorization(AccessPolicies.ApiAdminister);
        rules.MapGet("", async (AlertRules alerts, CancellationToken ct) => Results.Ok(new ItemsResponse<AlertRuleDto>(await alerts.ListAsync(ct))))
            .WithName("ListAlertRules");
        rules.MapPost("", async (HttpRequest request, ClaimsPrincipal user, AlertRules alerts, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<AlertRuleRequest>(request, 16 * 1024, ct);
            return problem ?? (await alerts.CreateAsync(user, body!, ct)).ToHttpResult(done: rule => Results.Created($"{ApiPaths.ApiPrefix}/alert-rules/{rule.Id}", rule));
        }).Accepts<AlertRuleRequest>("application/json").WithName("CreateAlertRule")
            .WithSummary("A rule over the feedback: metric positive_rate (below, or dropBy, over windowItems or windowMinutes), task_severity (above) or change_worse; " +
                "source, pattern and segmentKey/segmentValue narrow it. It fires once (alert.fired), and again only after it resolved (alert.resolved).");
        rules.MapPut("/{id:long}", async (long id, HttpRequest request, ClaimsPrincipal user, AlertRules alerts, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<AlertRuleRequest>(request, 16 * 1024, ct);
            return problem ?? (await alerts.UpdateAsync(user, id, body!, ct)).ToHttpResult();
        }).Accepts<AlertRuleRequest>("application/json").WithName("UpdateAlertRule");
        rules.MapDelete("/{id:long}", async (long id, ClaimsPrincipal user, AlertRules alerts, CancellationToken ct) =>
            (await alerts.DeleteAsync(user, id, ct)) is ActionOutcome<bool>.Done ? Results.NoContent() : Problems.NotFound("id", $"No alert rule {id}."))
            .WithName("DeleteAlertRule");
        rules.MapGet("/events", async (AlertRules alerts, CancellationToken ct) => Results.Ok(new ItemsResponse<AlertEventDto>(await alerts.EventsAsync(100, ct))))
            .WithName("ListAlertEvents").WithSummary("The newest 100 firings and resolutions.");
        return api;
    }
}
