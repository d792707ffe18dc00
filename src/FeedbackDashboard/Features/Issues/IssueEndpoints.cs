using System.Globalization;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Features.Insights;
using FeedbackDashboard.Features.Review;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FeedbackDashboard.Features.Issues;

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
            .RequireAuthorization(Access.AccessPolicies.ApiStartJobs)
            .WithSummary("Clusters the negative feedback again: 202 with the run's status, or 200 with the issues (of the window and source given) when ?wait=true. One run at a time, and Clustering:MinSecondsBetweenRuns between runs (429 with Retry-After). People of any role, or a key with the ingest scope.");
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
    /// One run at a time and Clustering:MinSecondsBetweenRuns between runs, for every caller
    /// (RecomputeGate): during a run the answer is 202 with its status (a waiting caller gets 429),
    /// inside the gap 429 with Retry-After.
    /// </summary>
    private static async Task<IResult> Recompute(
        IssueClusteringWorker worker, IssueClusteringService clustering, IssueQueries issues, ClusteringStatus status, RecomputeGate gate,
        TimeProvider time, HttpContext http, CancellationToken cancellationToken, bool wait = false,
        int days = 30, DateOnly? from = null, DateOnly? to = null, string? source = null)
    {
        var (window, errors) = InsightWindows.Parse(days, from, to, time.GetUtcNow());
        if (window is null)
        {
            return Problems.Validation(errors);
        }
        var decision = gate.TryStart();
        if (decision == RecomputeDecision.AlreadyRunning && !wait)
        {
            return TypedResults.Accepted((string?)null, RunStatus.Of(status));
        }
        if (decision != RecomputeDecision.Started)
        {
            var retryAfter = decision == RecomputeDecision.TooSoon ? gate.RetryAfterSeconds() : 5;
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            return Problems.Status(StatusCodes.Status429TooManyRequests, "Issues were just computed",
                $"The issues are being computed, or were less than {gate.MinimumGap.TotalSeconds:0} s ago; read them with GET /api/v1/issues, or ask again in {retryAfter} s.");
        }
        if (!wait)
        {
            worker.Request();
            return TypedResults.Accepted((string?)null, RunStatus.Of(status) with { Running = true, Stage = "queued" });
        }
        await clustering.RunAsync(cancellationToken);
        return TypedResults.Ok(new ItemsResponse<IssueSummary>(await issues.ListAsync(window.Value, InsightWindows.Source(source), cancellationToken: cancellationToken)));
    }

    /// <summary>The answer to a recompute that did not wait: where the run is.</summary>
    public sealed record RunStatus(bool Running, string Stage, double Progress, DateTimeOffset? LastRunAt)
    {
        public static RunStatus Of(ClusteringStatus status) => new(status.Running, status.Stage, status.Progress, status.LastRunAt);
    }
}
