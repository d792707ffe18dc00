using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.FeedbackTokens;

public static class FeedbackTokenEndpoints
{
    public const string CorsPolicy = "feedback-tokens";

    public sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt);

    /// <summary>Mapped in the ingest group: only an application's ingest key may ask for a token.</summary>
    public static RouteGroupBuilder MapFeedbackTokenEndpoints(this RouteGroupBuilder ingest)
    {
        ingest.MapPost("/interactions/{id}/feedback-tokens", IssueToken)
            .RequireAuthorization(AccessPolicies.ApiIngest)
            .WithName("IssueFeedbackToken")
            .WithSummary("A short-lived token that lets the end user's browser POST /api/v1/feedback for this one interaction " +
                "(header X-Feedback-Token), from FeedbackTokens:AllowedOrigins, until expiresAt. It can read nothing.");
        return ingest;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        string id, IDbContextFactory<FeedbackDbContext> contexts, FeedbackTokenService tokens, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Interactions.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return Problems.NotFound("id", $"No interaction '{id}'. Post it to /api/v1/interactions first.");
        }
        var grant = tokens.Issue(id);
        return TypedResults.Ok(new TokenResponse(tokens.Seal(grant), grant.ExpiresAt));
    }
}
