using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Features.Loop;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FeedbackDashboard.Features.Insights;

public static class InsightsEndpoints
{
    public static RouteGroupBuilder MapInsightsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/insights", GetInsights)
            .WithName("GetInsights")
            .WithSummary("Totals, positive rate (and the previous window's), daily series, rating distribution, common issues, improvement opportunities and corrections of the last `days` days, or of `from`..`to` (UTC dates, both included).");
        return api;
    }

    private static async Task<Results<Ok<ImprovementInsights>, ValidationProblem>> GetInsights(
        InsightsReader insights, TimeProvider time, CancellationToken cancellationToken,
        int days = 30, DateOnly? from = null, DateOnly? to = null, string? source = null)
    {
        var (window, errors) = InsightWindows.Parse(days, from, to, time.GetUtcNow());
        if (window is null)
        {
            return Problems.Validation(errors);
        }
        return TypedResults.Ok(await insights.ReadAsync(window.Value, string.IsNullOrWhiteSpace(source) ? null : source, cancellationToken));
    }
}
