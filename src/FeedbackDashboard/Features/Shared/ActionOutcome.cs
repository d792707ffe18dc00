using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Features.Shared;

/// <summary>What a person's action on a correction, an entry or the instructions came to; the API maps it to 200, 404, 400 or 409.</summary>
public abstract record ActionOutcome<T>
{
    private ActionOutcome() { }

    public sealed record Done(T Value) : ActionOutcome<T>;

    public sealed record NotFound(string Field, string Detail) : ActionOutcome<T>;

    public sealed record Invalid(ValidationErrors Errors) : ActionOutcome<T>;

    public sealed record Conflict(string Reason) : ActionOutcome<T>;

    /// <summary>A message for a person: what went wrong, or null when it was done.</summary>
    public string? Describe() => this switch
    {
        Done => null,
        NotFound notFound => notFound.Detail,
        Invalid invalid => string.Join(" ", invalid.Errors.ToDictionary().SelectMany(e => e.Value)),
        Conflict conflict => conflict.Reason,
        _ => null,
    };

    public IResult ToHttpResult() => this switch
    {
        Done done => TypedResults.Ok(done.Value),
        NotFound notFound => Problems.NotFound(notFound.Field, notFound.Detail),
        Invalid invalid => Problems.Validation(invalid.Errors),
        Conflict conflict => Problems.Status(StatusCodes.Status409Conflict, "Conflict", conflict.Reason),
        _ => throw new InvalidOperationException("Unknown outcome."),
    };
}
