using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FeedbackDashboard.Tests.Infrastructure;

/// <summary>The default test app.</summary>
public sealed class FeedbackAppFactory : FeedbackAppFactoryBase;

/// <summary>The whole app in memory over a real SQLite file of its own, with a clock the test moves.</summary>
public abstract class FeedbackAppFactoryBase : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "feedback-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Provisioned through Bootstrap:IngestApiKey, with both scopes, as docker-compose does.</summary>
    public const string ApiKey = "fdk_test-ingest-key-0123456789abcdefghijklmnop";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public string DatabasePath => Path.Combine(_directory, "feedback.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Feedback", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Demo:Live", "false");
        builder.UseSetting("Bootstrap:IngestApiKey", ApiKey);
        // Clustering loads a 90 MB model: only the tests that ask for it run it.
        builder.UseSetting("Clustering:RunAtStart", "false");
        builder.UseSetting("Clustering:IntervalMinutes", "0");
        // The tests' webhook receivers listen on loopback; WebhookHardeningTests turns this off again.
        builder.UseSetting("Webhooks:AllowPrivateTargets", "true");
        // Every test client comes from one (unknown) address; SignInLimitsTests sets the real limit again.
        builder.UseSetting("SignIn:MaxFailuresPerAddress", "1000");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(SharedEmbedder.Instance);
        });
        Configure(builder);
    }

    /// <summary>Settings of a derived factory, on top of the defaults.</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    /// <summary>
    /// A client that sends the given API key, as an AI application does. After each feedback or
    /// interaction it posts, it waits until the pipeline has processed it (patterns, triggers), so a
    /// test reads what the loop made of it; <paramref name="settle"/> false returns on the acknowledgement.
    /// </summary>
    public HttpClient CreateApiClient(string? apiKey = ApiKey, bool settle = true)
    {
        var client = settle ? CreateDefaultClient(new PipelineSettling.Handler(this)) : CreateDefaultClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }
        return client;
    }

    /// <summary>A browser-like client (cookies, no automatic redirects) signed in through the real form.</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string email, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.SignInAsync(email, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public Task<HttpClient> CreateSignedInClientAsync(Features.Access.DemoAccounts.Account account) =>
        CreateSignedInClientAsync(account.Email, account.Password);

    /// <summary>A context straight on the test's database, to check what was (or was not) stored.</summary>
    public FeedbackDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<FeedbackDbContext>>().CreateDbContext();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown stays in the temp folder; nothing depends on it.
        }
    }
}
