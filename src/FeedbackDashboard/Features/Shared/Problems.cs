using FeedbackDashboard.Core.Feedback;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FeedbackDashboard.Features.Shared;

/// <summary>RFC 9457 problem responses, each naming the fields at fault.</summary>
public static class Problems
{
    public static ValidationProblem Validation(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");

    public static ValidationProblem Validation(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request is not valid.");

    public static ProblemHttpResult Status(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    public static ProblemHttpResult NotFound(string field, string detail) =>
        Status(StatusCodes.Status404NotFound, "Not found", detail, new Dictionary<string, object?> { ["field"] = field });

    public static ProblemHttpResult Conflict(string field, string detail) =>
        Status(StatusCodes.Status409Conflict, "Conflict", detail, new Dictionary<string, object?> { ["field"] = field });
}
