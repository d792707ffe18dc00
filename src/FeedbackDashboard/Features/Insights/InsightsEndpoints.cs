using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FeedbackDashboard.Features.Insights;

public static class InsightsEndpoints
{
    public static RouteGroupBuilder MapInsightsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/insights", GetInsights)
            .WithName("GetInsights")
            .WithSummary("Totals, positive rate, common issues, improvement opportunities and corrections of the last `days` days.");
        return api;
    }

    private static async Task<Results<Ok<ImprovementInsights>, ValidationProblem>> GetInsights(
        HumanFeedbackSystem system, CancellationToken cancellationToken, int days = 30, string? source = null)
    {
        if (days < 1 || days > InsightWindow.MaxDays)
        {
            return Problems.Validation("days", $"The days must be from 1 to {InsightWindow.MaxDays}.");
        }
        return TypedResults.Ok(await system.GetImprovementInsightsAsync(days, string.IsNullOrWhiteSpace(source) ? null : source, cancellationToken));
    }
}
