namespace FeedbackDashboard.Browser.Tests.ScaleOut;

/// <summary>Two instances of the app over one SQLite file, on a real Redis backplane; and one chromium.</summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    public const string ApiKey = "fdk_scale-out-test-key-0123456789abcdefghij";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "feedback-scale-out", Guid.NewGuid().ToString("N"));

    public RedisServer Redis { get; private set; } = default!;
    public AppInstance A { get; private set; } = default!;
    public AppInstance B { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Feedback"] = $"Data Source={Path.Combine(_directory, "feedback.db")}",
            ["ConnectionStrings__Redis"] = Redis.ConnectionString,
            ["Bootstrap__IngestApiKey"] = ApiKey,
            ["Demo__Seed"] = "false",
            ["Demo__Live"] = "false",
            ["Clustering__RunAtStart"] = "false",
            ["Clustering__IntervalMinutes"] = "0",
            ["RateLimiting__IngestPermitsPerSecond"] = "0",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        // One after the other: the first migrates the shared database and makes the demo accounts.
        A = await AppInstance.StartAsync("A", settings);
        B = await AppInstance.StartAsync("B", settings);
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Redis.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
