using FeedbackDashboard.Features.Review;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FeedbackDashboard.Features.Insights;

public static class IssueEndpoints
{
    public static RouteGroupBuilder MapIssueEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/issues", ListIssues).WithName("ListIssues")
            .WithSummary("Common issues of the window: representative text, frequency, daily trend, up to 3 sample comments.");
        api.MapGet("/issues/{patternKey}/feedback", IssueFeedback).WithName("ListIssueFeedback")
            .WithSummary("The negative feedback behind one issue, with its interactions, newest first.");
        return api;
    }

    private static async Task<Results<Ok<ItemsResponse<IssueSummary>>, ValidationProblem>> ListIssues(
        IssueQueries issues, TimeProvider time, CancellationToken cancellationToken, int days = 30, DateOnly? from = null, DateOnly? to = null)
    {
        var (window, errors) = InsightWindows.Parse(days, from, to, time.GetUtcNow());
        return window is null ? Problems.Validation(errors) : TypedResults.Ok(new ItemsResponse<IssueSummary>(await issues.ListAsync(window.Value, cancellationToken)));
    }

    private static async Task<Results<Ok<PagedList<RelatedFeedbackDto>>, ValidationProblem>> IssueFeedback(
        string patternKey, IssueQueries issues, TimeProvider time, CancellationToken cancellationToken,
        int days = 30, DateOnly? from = null, DateOnly? to = null, int page = 1, int pageSize = 50)
    {
        var (window, errors) = InsightWindows.Parse(days, from, to, time.GetUtcNow());
        Paging.Validate(page, pageSize, ReviewTaskFilter.MaxPageSize, errors);
        return window is null || !errors.IsEmpty
            ? Problems.Validation(errors)
            : TypedResults.Ok(await issues.FeedbackAsync(patternKey, window.Value, page, pageSize, cancellationToken));
    }
}
