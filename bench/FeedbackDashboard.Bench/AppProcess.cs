using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Bench;

/// <summary>The dashboard as its own process (the Release build beside the benchmark, hosted by <see cref="BenchHost"/>), on a loopback port and a fresh SQLite file.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string ApiKey = "fdk_bench-ingest-key-0123456789abcdefghijklmnop";

    private readonly Process _process;
    private readonly DirectoryInfo _directory;

    private AppProcess(Process process, DirectoryInfo directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The CPU time the app's process has used so far, all its threads.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public string DatabasePath => Path.Combine(_directory.FullName, "feedback.db");

    public static async Task<AppProcess> StartAsync(params (string Name, string Value)[] settings)
    {
        var directory = Directory.CreateTempSubdirectory("feedback-bench-app-");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        // The product app through BenchHost (it adds /bench/bare and /bench/heap), as its own process.
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "FeedbackDashboard.Bench.dll"), "serve", "--urls", address.ToString()])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_gcServer"] = "1"; // as the app's own runtimeconfig (Web SDK); the load generator keeps workstation GC
        start.Environment["ConnectionStrings__Feedback"] = $"Data Source={Path.Combine(directory.FullName, "feedback.db")}";
        start.Environment["Bootstrap__IngestApiKey"] = ApiKey;
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Demo__Live"] = "false";
        start.Environment["Clustering__RunAtStart"] = "false";
        start.Environment["Clustering__IntervalMinutes"] = "0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("app: " + e.Data); };
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("TIMING") == true) Console.WriteLine("app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = address };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK)
                {
                    return new AppProcess(process, directory, address);
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new InvalidOperationException("The app did not start.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The app's database, read-only, for checking what it stored.</summary>
    public SqliteFeedbackDbContext OpenDatabase() =>
        new(DesignTime.Options<SqliteFeedbackDbContext>().UseSqlite($"Data Source={DatabasePath};Mode=ReadOnly").Options);

    public HttpClient CreateApiClient()
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}
