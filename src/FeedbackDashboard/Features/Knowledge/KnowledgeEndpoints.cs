using System.Security.Claims;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Shared;
using Microsoft.Net.Http.Headers;

namespace FeedbackDashboard.Features.Knowledge;

/// <summary>
/// What the AI application reads back (its knowledge and current instructions, with ETag and 304,
/// for a key with the read scope or anyone signed in), and the reviewers' instructions actions.
/// </summary>
public static class KnowledgeEndpoints
{
    public sealed record DraftRequest(string? Text);

    public sealed record RollbackRequest(int? Version);

    public static RouteGroupBuilder MapKnowledgeEndpoints(this RouteGroupBuilder api)
    {
        var read = api.MapGroup("").RequireAuthorization(AccessPolicies.ApiRead);
        read.MapGet("/knowledge", async (HttpContext http, KnowledgeQueries queries, CancellationToken ct, string? source = null, DateTimeOffset? since = null) =>
        {
            var (items, etag) = await queries.ForSourceAsync(string.IsNullOrWhiteSpace(source) ? null : source.Trim(), since, ct);
            return Conditional(http, etag, () => Results.Ok(new ItemsResponse<KnowledgeEntryDto>(items)));
        }).WithName("GetKnowledge")
            .WithSummary("The knowledge entries of a source and the shared ones ({\"items\"}); without source, every entry (shared and every source's); changed after since when given. ETag, If-None-Match gives 304.");
        read.MapGet("/knowledge/entries/{id:long}/versions", async (long id, KnowledgeQueries queries, CancellationToken ct) =>
            Results.Ok(new ItemsResponse<KnowledgeVersionDto>(await queries.VersionsAsync(id, ct)))).WithName("GetKnowledgeVersions");
        read.MapGet("/instructions/{source}/current", async (string source, HttpContext http, Instructions instructions, CancellationToken ct) =>
            await instructions.CurrentAsync(source, ct) is { } current
                ? Conditional(http, $"\"i-{current.Id}-{current.Version}\"", () => Results.Ok(current))
                : Problems.NotFound("source", $"{source} has no published instructions.")).WithName("GetCurrentInstructions")
            .WithSummary("The published instructions of a source; ETag, If-None-Match gives 304.");
        read.MapGet("/instructions/{source}/versions", async (string source, Instructions instructions, CancellationToken ct) =>
            Results.Ok(new ItemsResponse<InstructionsVersionDto>(await instructions.VersionsAsync(source, ct)))).WithName("ListInstructionsVersions");

        var review = api.MapGroup("/instructions/{source}").RequireAuthorization(AccessPolicies.ApiReview);
        review.MapPut("/draft", async (string source, HttpRequest request, ClaimsPrincipal user, Instructions instructions, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<DraftRequest>(request, 128 * 1024, ct);
            return problem ?? (await instructions.EditDraftAsync(user, source, body!.Text, ct)).ToHttpResult();
        }).Accepts<DraftRequest>("application/json").WithName("EditInstructionsDraft").WithSummary("Write the draft's text (made from the published version when there is none).");
        review.MapPost("/versions/{version:int}/publish", async (string source, int version, ClaimsPrincipal user, Instructions instructions, CancellationToken ct) =>
            (await instructions.PublishAsync(user, source, version, ct)).ToHttpResult()).WithName("PublishInstructions");
        review.MapPost("/rollback", async (string source, HttpRequest request, ClaimsPrincipal user, Instructions instructions, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<RollbackRequest>(request, 16 * 1024, ct);
            if (problem is not null)
            {
                return problem;
            }
            return body!.Version is { } version
                ? (await instructions.RollbackAsync(user, source, version, ct)).ToHttpResult()
                : Problems.Validation("version", "Name the version to roll back to.");
        }).Accepts<RollbackRequest>("application/json").WithName("RollbackInstructions").WithSummary("Publish an earlier version's text again, as the next version.");
        return api;
    }

    private static IResult Conditional(HttpContext http, string etag, Func<IResult> body)
    {
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "no-cache";
        var requested = http.Request.GetTypedHeaders().IfNoneMatch;
        return requested.Any(t => t.Tag == etag || t.Equals(EntityTagHeaderValue.Any)) ? Results.StatusCode(StatusCodes.Status304NotModified) : body();
    }
}
