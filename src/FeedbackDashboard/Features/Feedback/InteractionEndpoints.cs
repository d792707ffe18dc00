using FeedbackDashboard.Contracts;
using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Feedback;

public static class InteractionEndpoints
{
    public static RouteGroupBuilder MapInteractionEndpoints(this RouteGroupBuilder read)
    {
        read.MapGet("/interactions/{id}", async (string id, InteractionQueries queries, CancellationToken ct) =>
                await queries.GetAsync(id, ct) is { } interaction
                    ? Results.Ok(interaction)
                    : Problems.NotFound("id", $"No interaction '{id}'."))
            .WithName("GetInteraction")
            .WithSummary("An interaction: its query, response, source, metadata and pattern, with its feedback (newest 200, and the count).")
            .Produces<InteractionDetailDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return read;
    }
}
