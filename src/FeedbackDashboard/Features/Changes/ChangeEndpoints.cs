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
        var kindWanted = Optional<ChangeKind>(kind, "kind", errors);
        var verdictWanted = Optional<ChangeVerdict>(verdict, "verdict", errors);
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

    /// <summary>An optional enum parameter by its wire name; an unknown one is an error naming the field.</summary>
    private static TEnum? Optional<TEnum>(string? text, string field, ValidationErrors errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (WireNames.TryParse<TEnum>(text, out var parsed))
        {
            return parsed;
        }
        errors.Add(field, $"Use one of {string.Join(", ", WireNames.All<TEnum>())}.");
        return null;
    }
}

public sealed record ChangeList(IReadOnlyList<ChangeDto> Items);
