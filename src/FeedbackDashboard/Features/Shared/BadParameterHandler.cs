using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FeedbackDashboard.Features.Shared;

/// <summary>
/// A query or route value that cannot be read as its type (`page=abc`, `days=2147483648`) is a
/// 400 ProblemDetails naming the parameter, in every environment: the endpoints throw on bad
/// requests (RouteHandlerOptions.ThrowOnBadRequest) so that this handler, not an empty 400 or the
/// developer page's 500, answers.
/// </summary>
public sealed partial class BadParameterHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        var name = ParameterName().Match(bad.Message) is { Success: true } match ? match.Groups["name"].Value : "request";
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [name] = [$"The value of {name} is not valid here."],
            })
            {
                Status = bad.StatusCode,
                Title = "A parameter is not valid",
            },
        });
    }

    // "Failed to bind parameter "int page" from "abc"." / "Required parameter "string id" was not provided ..."
    [GeneratedRegex(@"parameter ""(?:[^""\s]+\s)?(?<name>[A-Za-z0-9_]+)""")]
    private static partial Regex ParameterName();
}
