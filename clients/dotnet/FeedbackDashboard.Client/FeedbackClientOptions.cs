namespace FeedbackDashboard.Client;

/// <summary>
/// Where FeedbackDashboard is and how the client sends to it. Bound from configuration
/// ("FeedbackDashboard" by default); the base URL and key default to the environment variables
/// FEEDBACKDASHBOARD_URL and FEEDBACKDASHBOARD_API_KEY.
/// </summary>
public sealed class FeedbackClientOptions
{
    /// <summary>The configuration section the DI registration binds.</summary>
    public const string SectionName = "FeedbackDashboard";

    /// <summary>The environment variable the base URL defaults to.</summary>
    public const string UrlVariable = "FEEDBACKDASHBOARD_URL";

    /// <summary>The environment variable the API key defaults to.</summary>
    public const string ApiKeyVariable = "FEEDBACKDASHBOARD_API_KEY";

    /// <summary>The dashboard's address, such as https://feedback.example.com/.</summary>
    public Uri? BaseUrl { get; set; } = Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? new Uri(url) : null;

    /// <summary>An API key with the ingest scope (and read, to read back knowledge and instructions).</summary>
    public string? ApiKey { get; set; } = Environment.GetEnvironmentVariable(ApiKeyVariable);

    /// <summary>Items waiting to be sent; past it new items are dropped and counted (<see cref="IFeedbackClient.Dropped"/>), never blocking the caller.</summary>
    public int MaxQueueSize { get; set; } = 10_000;

    /// <summary>Feedback items a batch request carries (the server takes up to 1,000).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long the background sender waits for a batch to fill.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Tries a batch gets when the server is busy (429, 503) or unreachable, with backoff; then its items are dropped and counted.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry's wait when the server gave no Retry-After; it doubles each time, up to 30 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>An interaction no feedback has arrived for is sent on its own after this long (feedback carries its interaction inline).</summary>
    public TimeSpan InteractionWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Send each call before it returns (scripts, tests); errors then surface to the caller.</summary>
    public bool Synchronous { get; set; }
}
