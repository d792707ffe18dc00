using FeedbackDashboard.Contracts;
using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Feedback;

public static class FeedbackReadEndpoints
{
    public static RouteGroupBuilder MapFeedbackReadEndpoints(this RouteGroupBuilder read)
    {
        read.MapGet("/interactions/{id}", async (string id, InteractionQueries queries, CancellationToken ct) =>
                await queries.GetAsync(id, ct) is { } interaction
                    ? Results.Ok(interaction)
                    : Problems.NotFound("id", $"No interaction '{id}'."))
            .WithName("GetInteraction")
            .WithSummary("An interaction: its query, response, source, metadata and pattern, with its feedback (newest 200, and the count).")
            .Produces<InteractionDetailDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        read.MapGet("/feedback", async (HttpRequest request, FeedbackSearch search, CancellationToken ct) =>
            {
                var (filter, errors) = FeedbackFilter.Parse(request.Query);
                return filter is null ? Problems.Validation(errors) : Results.Ok(await search.ListAsync(filter, ct));
            })
            .WithName("ListFeedback")
            .WithSummary("Feedback, newest first, with each item's query and metadata. Filters: type, source, pattern, from, to (exclusive), " +
                "hasComment, rating, metadata.KEY=VALUE; limit (1-500, 100); cursor (the previous page's nextCursor).")
            .Produces<FeedbackPage>()
            .ProducesValidationProblem();
        return read;
    }
}
