using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace FeedbackDashboard.Browser.Tests;

/// <summary>The app on a real Kestrel port over its own SQLite file, and one headless chromium.</summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    public const string ApiKey = "fdk_browser-test-key-0123456789abcdefghijkl";

    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "feedback-browser", Guid.NewGuid().ToString("N"));
    private readonly AppFactory _factory;
    private IPlaywright? _playwright;

    public BrowserAppFixture() => _factory = new AppFactory(System.IO.Path.Combine(_directory, "feedback.db"), ServerErrors);

    /// <summary>What the server logged as errors while the tests ran.</summary>
    public ServerErrorLog ServerErrors { get; } = new();

    public Uri BaseAddress { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public IServiceProvider Services => _factory.Services;

    public static string ScreenshotDirectory { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Directory.CreateDirectory(ScreenshotDirectory);
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);

        var executable = await Chromium.EnsureInstalledAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <param name="width">The viewport's width in CSS pixels.</param>
    /// <param name="colorScheme">The system's light or dark preference, as the page sees it.</param>
    public async Task<IPage> NewPageAsync(int width = 1400, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = colorScheme,
        });
        return await context.NewPageAsync();
    }

    public HttpClient CreateApiClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class AppFactory(string databasePath, ServerErrorLog errors) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(errors));
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Feedback", $"Data Source={databasePath}");
            builder.UseSetting("Demo:Seed", "false");
            builder.UseSetting("Bootstrap:IngestApiKey", ApiKey);
            builder.UseSetting("Clustering:RunAtStart", "false");
            builder.UseSetting("Clustering:IntervalMinutes", "0");
            builder.UseSetting("FeedbackTokens:AllowedOrigins:0", WidgetTests.ShopOrigin);
        }
    }
}
