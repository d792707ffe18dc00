using FeedbackDashboard.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FeedbackDashboard.Features.Shared;

/// <summary>
/// When the database stays unavailable (locked for longer than the busy timeout, disk full, down),
/// the API answers 503 with Retry-After instead of 500: nothing was stored, the client retries.
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, WriteHealth writes, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!DbErrors.IsUnavailable(exception))
        {
            return false;
        }
        writes.Failed();
        logger.LogWarning(exception, "The database is unavailable; answering 503 to {Method} {Path}", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database is unavailable",
                Detail = $"Nothing was stored. Try again in {RetryAfterSeconds} seconds.",
            },
        });
    }
}
