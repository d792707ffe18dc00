using System.Security.Claims;
using System.Text.Json;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.FeedbackTokens;
using FeedbackDashboard.Features.Loop;
using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Ingestion;

public static class IngestionEndpoints
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxBatchItems = 1_000;
    public const int MaxBatchBodyBytes = 16 * 1024 * 1024;
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The ids of the items a feedback token sends: this, the token's random id and the item's kind (<see cref="TokenSlot"/>).</summary>
    public const string TokenFeedbackIdPrefix = "fbt_";

    /// <summary>What a token sends once: a thumb (up or down, not both), a rating, a correction.</summary>
    public static string TokenSlot(FeedbackType type) => type switch
    {
        FeedbackType.ThumbsUp or FeedbackType.ThumbsDown => "thumb",
        FeedbackType.Rating => "rating",
        _ => "correction",
    };

    public static RouteGroupBuilder MapIngestionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/interactions", PostInteraction)
            .RequireAuthorization(AccessPolicies.ApiIngest)
            .WithName("PostInteraction")
            .WithSummary("Record an interaction: 201 when new, 200 when the same id and content are sent again.")
            .Accepts<InteractionRequest>("application/json")
            .Produces<InteractionDto>(StatusCodes.Status201Created)
            .Produces<InteractionDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        api.MapPost("/feedback", PostFeedback)
            .RequireCors(FeedbackTokenEndpoints.CorsPolicy)
            .WithName("PostFeedback")
            .WithSummary("Submit feedback: 202 when stored, 200 with Idempotent-Replayed when its id was seen before.")
            .Accepts<FeedbackRequest>("application/json")
            .Produces<FeedbackDto>(StatusCodes.Status202Accepted)
            .Produces<FeedbackDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        api.MapPost("/feedback/batch", PostFeedbackBatch)
            .RequireAuthorization(AccessPolicies.ApiIngest)
            .WithName("PostFeedbackBatch")
            .WithSummary($"Submit up to {MaxBatchItems} feedback items in one transaction; a result per item.")
            .Accepts<FeedbackBatchRequest>("application/json")
            .Produces<FeedbackBatchResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        return api;
    }

    private static async Task<IResult> PostInteraction(HttpRequest request, HumanFeedbackSystem system, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<InteractionRequest>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await system.RecordInteractionAsync(body!.ToSubmission(), cancellationToken);
        return outcome.Map(InteractionDto.From)
            .ToHttpResult(done: created => TypedResults.Created($"/api/v1/interactions/{Uri.EscapeDataString(created.Id)}", created));
    }

    private static async Task<IResult> PostFeedback(HttpRequest request, HttpResponse response, ClaimsPrincipal caller, GroupCommit commits, Shared.PipelineSignal pipeline,
        CancellationToken cancellationToken)
    {
        if (pipeline.IsSaturated)
        {
            return Saturated(response);
        }
        var (body, problem) = await JsonBody.ReadAsync<FeedbackRequest>(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        var item = body!.ToItem(errors);
        if (item is null)
        {
            return Problems.Validation(errors);
        }
        var tokenInteraction = caller.FindFirstValue(FeedbackTokenAuthenticationHandler.InteractionClaim);
        if (tokenInteraction is not null)
        {
            // An end user's token: feedback on its own interaction only, which the application recorded.
            if (item.Submission.InteractionId != tokenInteraction)
            {
                return Problems.Status(StatusCodes.Status403Forbidden, "Forbidden", "This feedback token is for another interaction.",
                    new Dictionary<string, object?> { ["field"] = "interactionId" });
            }
            if (item.Interaction is not null)
            {
                return Problems.Validation("interaction", "With a feedback token, send the feedback alone: the application records the interaction.");
            }
            // A token sends one thumb, one rating and one correction at most: each item's id is the token's and its
            // kind's, so whoever holds the token cannot stuff the interaction's feedback (and the trigger that reads
            // it); a resend of the same item is a replay.
            var id = $"{TokenFeedbackIdPrefix}{caller.FindFirstValue(FeedbackTokenAuthenticationHandler.TokenIdClaim)}_{TokenSlot(item.Submission.Type)}";
            item = item with { Submission = item.Submission with { ClientId = id } };
        }

        var outcome = await commits.SubmitAsync(item, cancellationToken);
        if (outcome is ActionOutcome<UserFeedback>.Conflict && tokenInteraction is not null)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Conflict",
                $"This feedback token has already sent its {TokenSlot(item.Submission.Type)}: a token sends one thumb, one rating and one correction. The application issues a new token for more.",
                new Dictionary<string, object?> { ["field"] = "X-Feedback-Token" });
        }
        if (outcome is ActionOutcome<UserFeedback>.Unchanged)
        {
            response.Headers[ReplayedHeader] = "true";
        }
        return ToResult(outcome);
    }

    private static async Task<IResult> PostFeedbackBatch(HttpRequest request, HttpResponse response, HumanFeedbackSystem system, Shared.PipelineSignal pipeline, CancellationToken cancellationToken)
    {
        if (pipeline.IsSaturated)
        {
            return Saturated(response);
        }
        var (body, problem) = await JsonBody.ReadAsync<FeedbackBatchRequest>(request, MaxBatchBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (body!.Items is not { Count: > 0 } elements)
        {
            return Problems.Validation("items", "Send a non-empty array of feedback items.");
        }
        if (elements.Count > MaxBatchItems)
        {
            return Problems.Validation("items", $"A batch holds at most {MaxBatchItems} items; this one has {elements.Count}.");
        }

        var results = new FeedbackBatchItemResult?[elements.Count];
        var accepted = new List<(int Index, FeedbackItem Item)>();
        for (var i = 0; i < elements.Count; i++)
        {
            var errors = new ValidationErrors();
            var item = Parse(elements[i], errors)?.ToItem(errors);
            if (item is null)
            {
                results[i] = new FeedbackBatchItemResult(i, StatusCodes.Status400BadRequest, Errors: errors.ToDictionary());
            }
            else
            {
                accepted.Add((i, item));
            }
        }

        var outcomes = await system.CollectFeedbackBatchAsync(accepted.Select(a => a.Item).ToList(), cancellationToken);
        for (var k = 0; k < accepted.Count; k++)
        {
            results[accepted[k].Index] = ToBatchResult(accepted[k].Index, outcomes[k]);
        }

        var all = results.Select(r => r!).ToList();
        return TypedResults.Ok(new FeedbackBatchResponse(
            all,
            all.Count(r => r.Status == StatusCodes.Status202Accepted),
            all.Count(r => r.Status == StatusCodes.Status200OK),
            all.Count(r => r.Status >= 400)));
    }

    /// <summary>The pipeline is too far behind to take more: refuse before storing anything, never drop.</summary>
    private static IResult Saturated(HttpResponse response)
    {
        response.Headers.RetryAfter = "5";
        return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Too much waiting to be processed",
            "The feedback pipeline is behind; nothing was stored. Send it again in 5 seconds.");
    }

    private static FeedbackRequest? Parse(JsonElement element, ValidationErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "Each item must be a JSON object.");
            return null;
        }
        try
        {
            return element.Deserialize<FeedbackRequest>(ApiJson.Options);
        }
        catch (JsonException e)
        {
            errors.Add(JsonBody.FieldOf(e.Path), "This value is not valid here.");
            return null;
        }
    }

    private static IResult ToResult(ActionOutcome<UserFeedback> outcome) =>
        outcome.Map(FeedbackDto.From).ToHttpResult(
            done: stored => TypedResults.Json(stored, ApiJson.Options, statusCode: StatusCodes.Status202Accepted),
            unchanged: replayed => TypedResults.Json(replayed, ApiJson.Options, statusCode: StatusCodes.Status200OK));

    /// <summary>The same outcome as <see cref="ToResult"/>, as one item of a batch's answer.</summary>
    private static FeedbackBatchItemResult ToBatchResult(int index, ActionOutcome<UserFeedback> outcome) =>
        new(index, outcome.StatusCode(StatusCodes.Status202Accepted), outcome.ValueOrDefault is { } feedback ? FeedbackDto.From(feedback) : null,
            Errors: outcome.FieldErrors());
}
