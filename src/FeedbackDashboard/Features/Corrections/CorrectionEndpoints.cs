using System.Security.Claims;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Corrections;

/// <summary>The corrections inbox for signed-in reviewers (cookie): list, read, and every decision the UI offers, each answering 200 with the updated correction.</summary>
public static class CorrectionEndpoints
{
    private const long MaxBody = 64 * 1024;

    public sealed record EditRequest(string? Text, string? Kind, long? KnowledgeEntryId);

    public sealed record ApproveRequest(string? Text);

    public sealed record RejectRequest(string? Reason);

    /// <param name="WithGroup">Act on each id's near-identical corrections too.</param>
    public sealed record BulkRequest(long[]? Ids, string? Action, string? Reason, bool WithGroup = false);

    public sealed record WriteRequest(string? Text, string? Kind);

    public static RouteGroupBuilder MapCorrectionEndpoints(this RouteGroupBuilder api)
    {
        var corrections = api.MapGroup("/corrections").RequireAuthorization(AccessPolicies.ApiReview);
        corrections.MapGet("", List).WithName("ListCorrections")
            .WithSummary("The inbox: status pending|approved|rejected|applied, kind knowledge|behavior, source, task (a review task's id); paged, newest first; grouped=true: one row per near-identical group.");
        corrections.MapGet("/{id:long}", async (long id, CorrectionQueries queries, CancellationToken ct) =>
            await queries.GetAsync(id, ct) is { } c ? Results.Ok(c) : Problems.NotFound("id", $"No correction {id}.")).WithName("GetCorrection");
        corrections.MapPost("/{id:long}/edit", async (long id, HttpRequest request, ClaimsPrincipal user, CorrectionActions actions, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<EditRequest>(request, MaxBody, ct);
            return problem ?? (await actions.EditAsync(user, id, new CorrectionEdit(body!.Text, body.Kind, body.KnowledgeEntryId), ct)).ToHttpResult();
        }).Accepts<EditRequest>("application/json").WithName("EditCorrection")
            .WithSummary("Change the text, the kind (knowledge|behavior) or the knowledge entry it amends (0: a new entry).");
        corrections.MapPost("/{id:long}/approve", async (long id, HttpRequest request, ClaimsPrincipal user, CorrectionActions actions, CancellationToken ct, bool group = false) =>
        {
            string? text = null;
            if (request.ContentLength is > 0 || request.HasJsonContentType())
            {
                var (body, problem) = await JsonBody.ReadAsync<ApproveRequest>(request, MaxBody, ct);
                if (problem is not null)
                {
                    return problem;
                }
                text = body!.Text;
            }
            return (await actions.ApproveAsync(user, id, text, group, ct)).ToHttpResult();
        }).Accepts<ApproveRequest>("application/json").WithName("ApproveCorrection")
            .WithSummary("Approve it, optionally with edited text ({\"text\"}); no body is fine. ?group=true approves its pending near-identical ones too.");
        corrections.MapPost("/{id:long}/reject", async (long id, HttpRequest request, ClaimsPrincipal user, CorrectionActions actions, CancellationToken ct, bool group = false) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<RejectRequest>(request, MaxBody, ct);
            return problem ?? (await actions.RejectAsync(user, id, body!.Reason, group, ct)).ToHttpResult();
        }).Accepts<RejectRequest>("application/json").WithName("RejectCorrection").WithSummary("Reject it with a reason; ?group=true rejects its near-identical ones too.");
        corrections.MapPost("/{id:long}/apply", async (long id, ClaimsPrincipal user, CorrectionActions actions, CancellationToken ct, bool group = false) =>
            (await actions.ApplyAsync(user, id, group, ct)).ToHttpResult()).WithName("ApplyCorrection")
            .WithSummary("Apply an approved correction: a knowledge version (published at once) or the instructions draft; ?group=true marks its approved near-identical ones applied by the same change. Applying twice changes nothing.");
        corrections.MapPost("/bulk", async (HttpRequest request, ClaimsPrincipal user, CorrectionActions actions, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<BulkRequest>(request, MaxBody, ct);
            if (problem is not null)
            {
                return problem;
            }
            if (!Enum.TryParse<CorrectionAction>(body!.Action, ignoreCase: true, out var action) || action == CorrectionAction.Edit)
            {
                return Problems.Validation("action", "Use approve, reject or apply.");
            }
            return (await actions.BulkAsync(user, body.Ids ?? [], action, body.Reason, body.WithGroup, ct)).ToHttpResult();
        }).Accepts<BulkRequest>("application/json").WithName("BulkCorrections")
            .WithSummary("{\"ids\": [...], \"action\": \"approve|reject|apply\", \"reason\"}: an outcome per id.");

        api.MapPost("/review-tasks/{id:long}/corrections", async (long id, HttpRequest request, ClaimsPrincipal user, CorrectionActions actions, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<WriteRequest>(request, MaxBody, ct);
            return problem ?? (await actions.WriteForTaskAsync(user, id, body!.Text, body.Kind, ct)).ToHttpResult();
        }).RequireAuthorization(AccessPolicies.ApiReview).Accepts<WriteRequest>("application/json").WithName("WriteCorrectionForTask")
            .WithSummary("A reviewer's own correction on a task ({\"text\", \"kind\"}); it waits in the inbox.");
        return api;
    }

    private static async Task<IResult> List(CorrectionQueries queries, CancellationToken cancellationToken,
        string? status = null, string? kind = null, string? source = null, int page = 1, int pageSize = 50, bool grouped = false, long? task = null)
    {
        var errors = new ValidationErrors();
        CorrectionStatus? parsedStatus = null;
        if (status is not null)
        {
            if (WireNames.TryParse<CorrectionStatus>(status, out var s))
            {
                parsedStatus = s;
            }
            else
            {
                errors.Add("status", $"Use one of: {string.Join(", ", WireNames.All<CorrectionStatus>())}.");
            }
        }
        CorrectionKind? parsedKind = null;
        if (kind is not null)
        {
            if (WireNames.TryParse<CorrectionKind>(kind, out var k))
            {
                parsedKind = k;
            }
            else
            {
                errors.Add("kind", "Use knowledge or behavior.");
            }
        }
        Paging.Validate(page, pageSize, CorrectionFilter.MaxPageSize, errors);
        return errors.IsEmpty
            ? Results.Ok(await queries.ListAsync(new CorrectionFilter(parsedStatus, parsedKind, source, page, pageSize, grouped, task), cancellationToken))
            : Problems.Validation(errors);
    }
}
