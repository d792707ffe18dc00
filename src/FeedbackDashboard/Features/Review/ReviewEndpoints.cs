using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FeedbackDashboard.Features.Review;

public static class ReviewEndpoints
{
    public static RouteGroupBuilder MapReviewEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/review-tasks", ListTasks)
            .WithName("ListReviewTasks")
            .WithSummary("Review tasks, most severe first (sort: severity, newest, oldest, priority, negative_share, related). status: open, in_review, resolved, dismissed; priority: high, medium; source; assigneeId; search (in the query text).");
        api.MapGet("/review-tasks/{id:long}", GetTask)
            .WithName("GetReviewTask");
        api.MapGet("/review-tasks/{id:long}/feedback", GetRelated)
            .WithName("ListReviewTaskFeedback")
            .WithSummary("Every feedback item of the task with its interaction's query and answer, newest first; kind: all (default), negative, corrections.");
        return api;
    }

    private static async Task<Results<Ok<PagedList<ReviewTaskDto>>, ValidationProblem>> ListTasks(
        ReviewTaskQueries queries, CancellationToken cancellationToken,
        string? status = null, string? priority = null, string? source = null, string? assigneeId = null, string? search = null,
        string? sort = null, int page = 1, int pageSize = 50)
    {
        var errors = new Core.Feedback.ValidationErrors();
        ReviewTaskStatus? statusFilter = null;
        if (status is not null)
        {
            if (WireNames.TryParse<ReviewTaskStatus>(status, out var parsed)) { statusFilter = parsed; }
            else { errors.Add("status", "Use one of open, in_review, resolved, dismissed."); }
        }
        ReviewPriority? priorityFilter = null;
        if (priority is not null)
        {
            if (WireNames.TryParse<ReviewPriority>(priority, out var parsed)) { priorityFilter = parsed; }
            else { errors.Add("priority", "Use one of high, medium."); }
        }
        var order = ReviewTaskSort.Severity;
        if (sort is not null && !WireNames.TryParse<ReviewTaskSort>(sort, out order))
        {
            errors.Add("sort", $"Use one of {string.Join(", ", WireNames.All<ReviewTaskSort>())}.");
        }
        Paging.Validate(page, pageSize, ReviewTaskFilter.MaxPageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }
        return TypedResults.Ok(await queries.ListAsync(
            new ReviewTaskFilter(statusFilter, priorityFilter, page, pageSize, source, assigneeId, search, Sort: order), cancellationToken: cancellationToken));
    }

    private static async Task<Results<Ok<PagedList<RelatedFeedbackDto>>, ProblemHttpResult, ValidationProblem>> GetRelated(
        long id, ReviewTaskQueries queries, CancellationToken cancellationToken, string? kind = null, int page = 1, int pageSize = 50)
    {
        var errors = new Core.Feedback.ValidationErrors();
        var which = RelatedFeedbackKind.All;
        if (kind is not null && !WireNames.TryParse<RelatedFeedbackKind>(kind, out which))
        {
            errors.Add("kind", $"Use one of {string.Join(", ", WireNames.All<RelatedFeedbackKind>())}.");
        }
        Paging.Validate(page, pageSize, ReviewTaskFilter.MaxPageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }
        return await queries.RelatedAsync(id, page, pageSize, which, cancellationToken) is { } related
            ? TypedResults.Ok(related)
            : Problems.NotFound("id", $"No review task {id}.");
    }

    private static async Task<Results<Ok<ReviewTaskDto>, ProblemHttpResult>> GetTask(long id, ReviewTaskQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } task
            ? TypedResults.Ok(task)
            : Problems.NotFound("id", $"No review task {id}.");
}
