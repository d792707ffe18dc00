using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Access;

/// <summary>A token bucket per API key on the ingest endpoints: one noisy application cannot starve the others.</summary>
public static class IngestRateLimiting
{
    public const string PolicyName = "ingest";
    public const string FeedbackTokenIdClaim = "feedback_token_id";

    public static IServiceCollection AddIngestRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: "Too many requests",
                        detail: context.HttpContext.User.HasClaim(c => c.Type == FeedbackTokenIdClaim)
                            ? $"This feedback token sent more than it may in a minute. Retry after {seconds} s."
                            : $"This API key sends more than its ingest rate allows. Retry after {seconds} s.")
                    .ExecuteAsync(context.HttpContext);
            };
            options.AddPolicy(PolicyName, Partition);
        });

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (context.User.FindFirstValue(FeedbackTokenIdClaim) is { } tokenId)
        {
            // An end user's token: a person's few clicks a minute, whatever the keys may send.
            var perMinute = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitingOptions>>().CurrentValue.FeedbackTokenPermitsPerMinute;
            return RateLimitPartition.GetTokenBucketLimiter($"token:{tokenId}:{perMinute}", _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perMinute,
                TokensPerPeriod = perMinute,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }
        var permits = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitingOptions>>().CurrentValue.IngestPermitsPerSecond;
        if (permits == 0)
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }
        var partition = context.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim)
            ?? context.Connection.RemoteIpAddress?.ToString()
            ?? "unknown";
        return RateLimitPartition.GetTokenBucketLimiter($"{partition}:{permits}", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits * 2,
            TokensPerPeriod = permits,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
