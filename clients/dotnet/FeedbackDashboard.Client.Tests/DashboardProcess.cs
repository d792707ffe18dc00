using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FeedbackDashboard.Client.Tests;

/// <summary>One dashboard process for every client test class: they run one after another against it.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardProcess>
{
    public const string Name = "dashboard";
}

/// <summary>
/// The dashboard as an application meets it: its own process (the build beside the tests), Production
/// mode, a fresh SQLite file, plain HTTP on a loopback port, an ingest key from Bootstrap:IngestApiKey.
/// </summary>
public sealed class DashboardProcess : IAsyncLifetime
{
    public const string ApiKey = "fdk_client-tests-key-0123456789abcdefghijklmn";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "feedback-client-tests", Guid.NewGuid().ToString("N"));
    private Process? _process;

    public Uri Address { get; } = new($"http://127.0.0.1:{FreePort()}/");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "FeedbackDashboard.dll"), "--urls", Address.ToString()])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Feedback"] = $"Data Source={Path.Combine(_directory, "feedback.db")}";
        start.Environment["Bootstrap__AdminEmail"] = AdminEmail;
        start.Environment["Bootstrap__AdminPassword"] = AdminPassword;
        start.Environment["Bootstrap__IngestApiKey"] = ApiKey;
        start.Environment["Security__RequireHttps"] = "false";
        start.Environment["Clustering__RunAtStart"] = "false";
        start.Environment["Clustering__IntervalMinutes"] = "0";
        start.Environment["RateLimiting__IngestPermitsPerSecond"] = "0";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                if ((await client.GetAsync("health/live")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (!_process.HasExited && DateTime.UtcNow < deadline)
            {
            }
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The dashboard did not start (exit code {(_process.HasExited ? _process.ExitCode : -1)}).");
            }
            await Task.Delay(100);
        }
    }

    public const string AdminEmail = "admin@client-tests.local";
    public const string AdminPassword = "Client-Tests-2026";

    /// <summary>The bootstrap admin, signed in through the sign-in form (cookies, no redirects followed).</summary>
    public async Task<HttpClient> AdminAsync()
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = Address };
        var response = await FeedbackDashboard.Tests.Infrastructure.SignInExtensions.SignInAsync(client, AdminEmail, AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public HttpClient Api()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
