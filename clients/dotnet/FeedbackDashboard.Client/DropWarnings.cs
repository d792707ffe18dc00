using Microsoft.Extensions.Logging;

namespace FeedbackDashboard.Client;

/// <summary>
/// Says why items were dropped (a wrong key, a refused item, a dashboard out of reach), at most once a
/// minute for each kind of failure, so a misconfigured application hears of it without a flood of logs.
/// </summary>
internal sealed class DropWarnings(ILogger logger, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, DateTimeOffset> _lastWarned = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Warn(string kind, string message)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_lastWarned.TryGetValue(kind, out var last) && now - last < Interval)
            {
                return;
            }
            _lastWarned[kind] = now;
        }
        logger.LogWarning("FeedbackDashboard: {Message}", message);
    }

    /// <summary>Why a request failed, from its answer (a ProblemDetails' detail), with a hint for 401 and 403.</summary>
    public static async Task<string> WhyAsync(HttpResponseMessage? result, CancellationToken cancellationToken)
    {
        if (result is null)
        {
            return "no answer from the dashboard after every retry";
        }
        var status = (int)result.StatusCode;
        var body = await result.Content.ReadAsStringAsync(cancellationToken);
        var hint = status is 401 or 403 ? " (check the API key and its scopes)" : "";
        return $"{status} {(body.Length > 500 ? body[..500] + "…" : body)}{hint}";
    }
}
