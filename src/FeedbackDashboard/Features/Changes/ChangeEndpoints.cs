using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FeedbackDashboard.Features.Changes;

public static class ChangeEndpoints
{
    public static RouteGroupBuilder MapChangeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/changes", ListChanges)
            .WithName("ListChanges")
            .WithSummary("Published changes (knowledge versions, instructions versions), newest first, each with the positive share of the N items before and after it on the patterns it touched, the difference, its 95% interval and the verdict (collecting, improved, worse, no_change).");
        return api;
    }

    private static async Task<Results<Ok<ChangeList>, ValidationProblem>> ListChanges(
        ChangeQueries changes, CancellationToken cancellationToken,
        string? source = null, long? reviewTaskId = null, string? from = null, string? to = null, int limit = 50)
    {
        var errors = new ValidationErrors();
        if (limit is < 1 or > ChangeQueries.MaxLimit)
        {
            errors.Add("limit", $"Between 1 and {ChangeQueries.MaxLimit}.");
        }
        var start = IsoTime.Parse(from, "from", errors);
        var end = IsoTime.Parse(to, "to", errors);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }
        var items = await changes.ListAsync(string.IsNullOrWhiteSpace(source) ? null : source, reviewTaskId, start, end, limit, cancellationToken);
        return TypedResults.Ok(new ChangeList(items));
    }
}

public sealed record ChangeList(IReadOnlyList<ChangeDto> Items);
