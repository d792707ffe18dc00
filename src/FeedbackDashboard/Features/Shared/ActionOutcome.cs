using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Features.Shared;

/// <summary>
/// What an action came to: storing feedback or an interaction, a reviewer's action on a task, a
/// correction, an entry, the instructions, a webhook. The API maps it through <see cref="ToHttpResult"/>
/// (one place for 200/201/202, 404, 400 and 409), a batch item through <see cref="StatusCode"/> and
/// <see cref="FieldErrors"/>, and a page through <see cref="Describe"/>.
/// </summary>
public abstract record ActionOutcome<T>
{
    private ActionOutcome() { }

    /// <summary>Done now.</summary>
    public sealed record Done(T Value) : ActionOutcome<T>;

    /// <summary>Asked before with the same content (an idempotent repeat): nothing changed, the first result returned.</summary>
    public sealed record Unchanged(T Value) : ActionOutcome<T>;

    public sealed record NotFound(string Field, string Detail) : ActionOutcome<T>;

    public sealed record Invalid(ValidationErrors Errors) : ActionOutcome<T>;

    /// <param name="Field">What collides, when a field does (an id used before).</param>
    /// <param name="Holder">Who has the thing, when that is the reason.</param>
    public sealed record Conflict(string Reason, string? Field = null, string? Holder = null) : ActionOutcome<T>
    {
        /// <summary>What a person is told: the reason, and who has it when that is why.</summary>
        public string Message => Holder is null ? Reason : $"{Reason} It is with {Holder}.";
    }

    /// <summary>The value, when the action was done or repeated.</summary>
    public T? ValueOrDefault => this switch
    {
        Done done => done.Value,
        Unchanged unchanged => unchanged.Value,
        _ => default,
    };

    /// <summary>A message for a person: what went wrong, or null when it was done.</summary>
    public string? Describe() => this switch
    {
        NotFound notFound => notFound.Detail,
        Invalid invalid => string.Join(" ", invalid.Errors.ToDictionary().SelectMany(e => e.Value)),
        Conflict conflict => conflict.Message,
        _ => null,
    };

    /// <param name="doneStatus">200 for a change, 201 for something created, 202 for something accepted.</param>
    public int StatusCode(int doneStatus = StatusCodes.Status200OK) => this switch
    {
        Done => doneStatus,
        Unchanged => StatusCodes.Status200OK,
        NotFound => StatusCodes.Status404NotFound,
        Invalid => StatusCodes.Status400BadRequest,
        Conflict => StatusCodes.Status409Conflict,
        _ => throw new InvalidOperationException("Unknown outcome."),
    };

    /// <summary>The fields at fault with their messages (a batch reports these per item), or null when done.</summary>
    public IDictionary<string, string[]>? FieldErrors() => this switch
    {
        NotFound notFound => new Dictionary<string, string[]> { [notFound.Field] = [notFound.Detail] },
        Invalid invalid => invalid.Errors.ToDictionary(),
        Conflict { Field: { } field } conflict => new Dictionary<string, string[]> { [field] = [conflict.Reason] },
        Conflict conflict => new Dictionary<string, string[]> { [""] = [conflict.Message] },
        _ => null,
    };

    /// <summary>The same outcome about another shape of the value (an entity's DTO).</summary>
    public ActionOutcome<TOut> Map<TOut>(Func<T, TOut> map) => this switch
    {
        Done d => new ActionOutcome<TOut>.Done(map(d.Value)),
        Unchanged u => new ActionOutcome<TOut>.Unchanged(map(u.Value)),
        NotFound n => new ActionOutcome<TOut>.NotFound(n.Field, n.Detail),
        Invalid i => new ActionOutcome<TOut>.Invalid(i.Errors),
        Conflict c => new ActionOutcome<TOut>.Conflict(c.Reason, c.Field, c.Holder),
        _ => throw new InvalidOperationException("Unknown outcome."),
    };

    /// <param name="done">The answer when done; 200 with the value unless given (201 with a location, 202, ...).</param>
    /// <param name="unchanged">The answer to a repeat; 200 with the value unless given.</param>
    public IResult ToHttpResult(Func<T, IResult>? done = null, Func<T, IResult>? unchanged = null) => this switch
    {
        Done d => done is null ? TypedResults.Ok(d.Value) : done(d.Value),
        Unchanged u => unchanged is null ? TypedResults.Ok(u.Value) : unchanged(u.Value),
        NotFound notFound => Problems.NotFound(notFound.Field, notFound.Detail),
        Invalid invalid => Problems.Validation(invalid.Errors),
        Conflict conflict => Problems.Status(StatusCodes.Status409Conflict, "Conflict", conflict.Reason, ConflictExtensions(conflict)),
        _ => throw new InvalidOperationException("Unknown outcome."),
    };

    private static Dictionary<string, object?>? ConflictExtensions(Conflict conflict)
    {
        if (conflict.Field is null && conflict.Holder is null)
        {
            return null;
        }
        var extensions = new Dictionary<string, object?>();
        if (conflict.Field is not null)
        {
            extensions["field"] = conflict.Field;
        }
        if (conflict.Holder is not null)
        {
            extensions["holder"] = conflict.Holder;
        }
        return extensions;
    }
}
