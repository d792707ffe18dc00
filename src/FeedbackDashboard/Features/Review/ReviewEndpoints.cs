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
            .WithSummary("Review tasks, high priority and newest first. status: open, in_review, resolved, dismissed; priority: high, medium; source; assigneeId; search (in the query text).");
        api.MapGet("/review-tasks/{id:long}", GetTask)
            .WithName("GetReviewTask");
        api.MapGet("/review-tasks/{id:long}/feedback", GetRelated)
            .WithName("ListReviewTaskFeedback")
            .WithSummary("Every feedback item of the task with its interaction's query and answer, newest first.");
        return api;
    }

    private static async Task<Results<Ok<PagedList<ReviewTaskDto>>, ValidationProblem>> ListTasks(
        ReviewTaskQueries queries, CancellationToken cancellationToken,
        string? status = null, string? priority = null, string? source = null, string? assigneeId = null, string? search = null,
        int page = 1, int pageSize = 50)
    {
        var errors = new Core.Feedback.ValidationErrors();
        ReviewTaskStatus? statusFilter = null;
        if (status is not null)
        {
            if (ReviewWireNames.TryParseStatus(status, out var parsed)) { statusFilter = parsed; }
            else { errors.Add("status", "Use one of open, in_review, resolved, dismissed."); }
        }
        ReviewPriority? priorityFilter = null;
        if (priority is not null)
        {
            if (ReviewWireNames.TryParsePriority(priority, out var parsed)) { priorityFilter = parsed; }
            else { errors.Add("priority", "Use one of high, medium."); }
        }
        Paging.Validate(page, pageSize, ReviewTaskFilter.MaxPageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }
        return TypedResults.Ok(await queries.ListAsync(
            new ReviewTaskFilter(statusFilter, priorityFilter, page, pageSize, source, assigneeId, search), cancellationToken: cancellationToken));
    }

    private static async Task<Results<Ok<PagedList<RelatedFeedbackDto>>, ProblemHttpResult, ValidationProblem>> GetRelated(
        long id, ReviewTaskQueries queries, CancellationToken cancellationToken, int page = 1, int pageSize = 50)
    {
        var errors = new Core.Feedback.ValidationErrors();
        Paging.Validate(page, pageSize, ReviewTaskFilter.MaxPageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }
        return await queries.RelatedAsync(id, page, pageSize, cancellationToken) is { } related
            ? TypedResults.Ok(related)
            : Problems.NotFound("id", $"No review task {id}.");
    }

    private static async Task<Results<Ok<ReviewTaskDto>, ProblemHttpResult>> GetTask(long id, ReviewTaskQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } task
            ? TypedResults.Ok(task)
            : Problems.NotFound("id", $"No review task {id}.");
}
