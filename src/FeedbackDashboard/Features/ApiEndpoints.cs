using FeedbackDashboard.Features.Ingestion;
using FeedbackDashboard.Features.Insights;
using FeedbackDashboard.Features.Review;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace FeedbackDashboard.Features;

public static class ApiEndpoints
{
    public const string ApiPrefix = "/api/v1";

    /// <summary>The HTTP API under /api/v1; authorization is added to this one group.</summary>
    public static RouteGroupBuilder MapFeedbackApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ApiPrefix).WithTags("Feedback API").DisableAntiforgery();
        api.MapIngestionEndpoints();
        api.MapReviewEndpoints();
        api.MapInsightsEndpoints();
        return api;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return endpoints;
    }
}
