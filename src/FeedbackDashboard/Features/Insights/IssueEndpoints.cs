using System.Globalization;
using Microsoft.Extensions.Options;
using FeedbackDashboard.Features.Clustering;
using FeedbackDashboard.Features.Review;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FeedbackDashboard.Features.Insights;

public static class IssueEndpoints
{
    public static RouteGroupBuilder MapIssueEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/issues", ListIssues).WithName("ListIssues")
            .WithSummary("Common issues (clusters of negative feedback by meaning) with feedback in the last `days` days (or `from`..`to`) and `source`, most frequent first: label, representative text, frequency and daily trend in that window, up to 3 sample comments, the open review tasks of their patterns.");
        api.MapGet("/issues/{id:long}", GetIssue).WithName("GetIssue")
            .WithSummary("One issue, with its frequency and trend in the window and source.");
        api.MapGet("/issues/{id:long}/feedback", IssueFeedback).WithName("ListIssueFeedback")
            .WithSummary("The feedback in one issue from the window and source, with its interactions, newest first.");
        api.MapPost("/issues/recompute", Recompute).WithName("RecomputeIssues")
            .WithSummary("Clusters the negative feedback again: 202 at once, or 200 with the issues (of the window and source given) when ?wait=true.");
        return api;
    }

    private static async Task<Results<Ok<ItemsResponse<IssueSummary>>, ValidationProblem>> ListIssues(
        IssueQueries issues, TimeProvider time, CancellationToken cancellationToken, int days = 30, DateOnly? from = null, DateOnly? to = null, string? source = null)
    {
        var (window, errors) = InsightWindows.Parse(days, from, to, time.GetUtcNow());
        return window is null
            ? Problems.Validation(errors)
            : TypedResults.Ok(new ItemsResponse<IssueSummary>(await issues.ListAsync(window.Value, InsightWindows.Source(source), cancellationToken: cancellationToken)));
    }

    private static async Task<Results<Ok<IssueSummary>, ProblemHttpResult, ValidationProblem>> GetIssue(
        long id, IssueQueries issues, TimeProvider time, CancellationToken cancellationToken, int days = 30, DateOnly? from = null, DateOnly? to = null, string? source = null)
    {
        var (window, errors) = InsightWindows.Parse(days, from, to, time.GetUtcNow());
        if (window is null)
        {
            return Problems.Validation(errors);
        }
        return await issues.GetAsync(id, window.Value, InsightWindows.Source(source), cancellationToken) is { } issue ? TypedResults.Ok(issue) : Problems.NotFound("id", $"No issue {id}.");
    }

    private static async Task<Results<Ok<PagedList<RelatedFeedbackDto>>, ValidationProblem>> IssueFeedback(
        long id, IssueQueries issues, TimeProvider time, CancellationToken cancellationToken,
        int days = 30, DateOnly? from = null, DateOnly? to = null, string? source = null, int page = 1, int pageSize = 50)
    {
        var (window, errors) = InsightWindows.Parse(days, from, to, time.GetUtcNow());
        Paging.Validate(page, pageSize, ReviewTaskFilter.MaxPageSize, errors);
        return window is null || !errors.IsEmpty
            ? Problems.Validation(errors)
            : TypedResults.Ok(await issues.FeedbackAsync(id, window.Value, InsightWindows.Source(source), page, pageSize, cancellationToken));
    }

    /// <summary>
    /// Requests without waiting fold into one background run. A waited-for run takes a core for
    /// seconds, so one a caller asks for right after another answers 429 with Retry-After.
    /// </summary>
    private static async Task<IResult> Recompute(
        IssueClusteringWorker worker, IssueClusteringService clustering, IssueQueries issues, ClusteringStatus status,
        IOptions<ClusteringOptions> options, TimeProvider time, HttpContext http, CancellationToken cancellationToken, bool wait = false,
        int days = 30, DateOnly? from = null, DateOnly? to = null, string? source = null)
    {
        var (window, errors) = InsightWindows.Parse(days, from, to, time.GetUtcNow());
        if (window is null)
        {
            return Problems.Validation(errors);
        }
        if (!wait)
        {
            worker.Request();
            return TypedResults.Accepted((string?)null);
        }
        var spacing = TimeSpan.FromSeconds(options.Value.MinSecondsBetweenWaitedRuns);
        if (status.Running || (status.LastRunAt is { } last && time.GetUtcNow() - last < spacing))
        {
            var retryAfter = status.LastRunAt is { } at ? Math.Max(1, (int)Math.Ceiling((at + spacing - time.GetUtcNow()).TotalSeconds)) : 1;
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            return Problems.Status(StatusCodes.Status429TooManyRequests, "Issues were just computed",
                $"The issues were computed less than {spacing.TotalSeconds:0} s ago (or are being computed); read them with GET /api/v1/issues, or ask again in {retryAfter} s.");
        }
        await clustering.RunAsync(cancellationToken);
        return TypedResults.Ok(new ItemsResponse<IssueSummary>(await issues.ListAsync(window.Value, InsightWindows.Source(source), cancellationToken: cancellationToken)));
    }
}
