using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Changes;
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
            .WithSummary("Published changes (knowledge versions, instructions versions), newest first, each with the positive share of the N items before and after it on the patterns it touched, the difference, its 95% interval and the verdict (collecting, improved, worse, no_change); filters: source, reviewTaskId, from, to, kind, verdict.");
        return api;
    }

    private static async Task<Results<Ok<ChangeList>, ValidationProblem>> ListChanges(
        ChangeQueries changes, CancellationToken cancellationToken,
        string? source = null, long? reviewTaskId = null, string? from = null, string? to = null, int limit = 50,
        string? kind = null, string? verdict = null)
    {
        var errors = new ValidationErrors();
        ChangeKind? kindWanted = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (WireNames.TryParse<ChangeKind>(kind, out var parsed))
            {
                kindWanted = parsed;
            }
            else
            {
                errors.Add("kind", $"Use one of {string.Join(", ", WireNames.All<ChangeKind>())}.");
            }
        }
        ChangeVerdict? verdictWanted = null;
        if (!string.IsNullOrWhiteSpace(verdict))
        {
            if (WireNames.TryParse<ChangeVerdict>(verdict, out var parsed))
            {
                verdictWanted = parsed;
            }
            else
            {
                errors.Add("verdict", $"Use one of {string.Join(", ", WireNames.All<ChangeVerdict>())}.");
            }
        }
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
        var items = await changes.ListAsync(string.IsNullOrWhiteSpace(source) ? null : source, reviewTaskId, start, end, limit, cancellationToken,
            kindWanted, verdictWanted);
        return TypedResults.Ok(new ChangeList(items));
    }
}

public sealed record ChangeList(IReadOnlyList<ChangeDto> Items);
