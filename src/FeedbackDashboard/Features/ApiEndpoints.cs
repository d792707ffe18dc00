using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Alerts;
using FeedbackDashboard.Features.Audit;
using FeedbackDashboard.Features.Changes;
using FeedbackDashboard.Features.Corrections;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.FeedbackTokens;
using FeedbackDashboard.Features.Ingestion;
using FeedbackDashboard.Features.Insights;
using FeedbackDashboard.Features.Issues;
using FeedbackDashboard.Features.Knowledge;
using FeedbackDashboard.Features.Review;
using FeedbackDashboard.Features.Segments;
using FeedbackDashboard.Features.Shared;
using FeedbackDashboard.Features.Webhooks;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace FeedbackDashboard.Features;

public static class ApiEndpoints
{
    /// <summary>The HTTP API under /api/v1; authorization is added to this one group.</summary>
    public static RouteGroupBuilder MapFeedbackApi(this IEndpointRouteBuilder endpoints)
    {
        // JSON only (JsonBody refuses other content types) and no CORS: a cross-site page cannot
        // send these requests with a person's cookie, so they need no antiforgery token.
        var api = endpoints.MapGroup(ApiPaths.ApiPrefix).WithTags("Feedback API").DisableAntiforgery();
        // Keys with the ingest scope, and on POST /feedback alone an end user's feedback token too.
        api.MapGroup("").RequireAuthorization(AccessPolicies.ApiFeedback).RequireRateLimiting(IngestRateLimiting.PolicyName)
            .AddEndpointFilter(async (context, next) =>
            {
                var result = await next(context);
                if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 })
                {
                    context.HttpContext.RequestServices.GetRequiredService<WriteHealth>().Succeeded(); // readiness: writes work again
                }
                return result;
            })
            .MapIngestionEndpoints()
            .MapFeedbackTokenEndpoints();
        var read = api.MapGroup("").RequireAuthorization(AccessPolicies.ApiRead);
        read.MapFeedbackReadEndpoints();
        read.MapReviewEndpoints();
        read.MapInsightsEndpoints();
        read.MapSegmentEndpoints();
        read.MapChangeEndpoints();
        read.MapIssueEndpoints();
        read.MapExportEndpoints();
        read.MapDatasetEndpoints();
        api.MapReviewActionEndpoints();
        api.MapCorrectionEndpoints();
        api.MapKnowledgeEndpoints();
        api.MapWebhookEndpoints();
        api.MapAlertRuleEndpoints();
        api.MapAuditEndpoints();
        api.MapPeopleEndpoints();
        return api;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteAsync })
            .AllowAnonymous();
        return endpoints;
    }
}
