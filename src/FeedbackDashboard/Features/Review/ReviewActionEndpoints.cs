using System.Security.Claims;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Identity;

namespace FeedbackDashboard.Features.Review;

/// <summary>The review queue's actions for signed-in reviewers (cookie), each answering 200 with the updated task.</summary>
public static class ReviewActionEndpoints
{
    public sealed record NoteRequest(string? Note);

    public sealed record ReasonRequest(string? Reason);

    public sealed record AssignRequest(string? UserId);

    public static RouteGroupBuilder MapReviewActionEndpoints(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/review-tasks/{id:long}").RequireAuthorization(AccessPolicies.ApiReview);
        tasks.MapPost("/claim", (long id, ClaimsPrincipal user, ReviewActions actions, CancellationToken ct) =>
            ToResultAsync(actions.ClaimAsync(user, id, ct))).WithName("ClaimReviewTask").WithSummary("Assign the task to me and start reviewing it; 409 names who has it.");
        tasks.MapPost("/release", (long id, ClaimsPrincipal user, ReviewActions actions, CancellationToken ct) =>
            ToResultAsync(actions.ReleaseAsync(user, id, ct))).WithName("ReleaseReviewTask");
        tasks.MapPost("/resolve", async (long id, HttpRequest request, ClaimsPrincipal user, ReviewActions actions, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<NoteRequest>(request, 16 * 1024, ct);
            return problem ?? await ToResultAsync(actions.ResolveAsync(user, id, body!.Note, ct));
        }).Accepts<NoteRequest>("application/json").WithName("ResolveReviewTask");
        tasks.MapPost("/dismiss", async (long id, HttpRequest request, ClaimsPrincipal user, ReviewActions actions, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<ReasonRequest>(request, 16 * 1024, ct);
            return problem ?? await ToResultAsync(actions.DismissAsync(user, id, body!.Reason, ct));
        }).Accepts<ReasonRequest>("application/json").WithName("DismissReviewTask");
        tasks.MapPost("/reopen", (long id, ClaimsPrincipal user, ReviewActions actions, CancellationToken ct) =>
            ToResultAsync(actions.ReopenAsync(user, id, ct))).WithName("ReopenReviewTask");
        tasks.MapPost("/assign", async (long id, HttpRequest request, ClaimsPrincipal user, ReviewActions actions,
            UserManager<ApplicationUser> users, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<AssignRequest>(request, 16 * 1024, ct);
            if (problem is not null)
            {
                return problem;
            }
            var assignee = body!.UserId is null ? null : await users.FindByIdAsync(body.UserId);
            if (assignee is null || !(await users.IsInRoleAsync(assignee, AppRoles.Reviewer) || await users.IsInRoleAsync(assignee, AppRoles.Admin)))
            {
                return Problems.Validation("userId", "Give the id of a reviewer or admin.");
            }
            return await ToResultAsync(actions.AssignAsync(user, id, new Assignee(assignee.Id, assignee.Email ?? assignee.Id), ct));
        }).Accepts<AssignRequest>("application/json").WithName("AssignReviewTask");
        return api;
    }

    private static async Task<IResult> ToResultAsync(Task<ActionOutcome<ReviewTaskDto>> action) => (await action).ToHttpResult();
}
