using System.Diagnostics;
using System.Net;

namespace FeedbackDashboard.Tests.Access;

/// <summary>Starts the real app as its own process, as an operator would.</summary>
public class ProductionStartTests
{
    private static async Task<(int ExitCode, string Output)> StartAsync(params (string Name, string Value)[] environment) =>
        await StartAsync(whenListening: null, environment);

    /// <summary>Runs the app until it exits; when it listens, <paramref name="whenListening"/> gets its address and then it is stopped.</summary>
    private static async Task<(int ExitCode, string Output)> StartAsync(Func<Uri, Task>? whenListening, params (string Name, string Value)[] environment)
    {
        var directory = Directory.CreateTempSubdirectory("feedback-prod-");
        var app = Path.Combine(AppContext.BaseDirectory, "FeedbackDashboard.dll");
        var start = new ProcessStartInfo("dotnet", [app, "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Feedback"] = $"Data Source={Path.Combine(directory.FullName, "feedback.db")}";
        start.Environment["Security__RequireHttps"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var lines = new System.Text.StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.AppendLine(line);
                var at = line.IndexOf("Now listening on: ", StringComparison.Ordinal);
                if (at >= 0 && whenListening is not null)
                {
                    await whenListening(new Uri(line[(at + 18)..].Trim()));
                    process.Kill(entireProcessTree: true);
                }
            }
            var output = Task.FromResult(lines.ToString());
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output + await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "still running after 60 s: " + lines);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Production_WithNoUsersAndNoAdminConfigured_ExitsNonZeroSayingWhatToSet()
    {
        var (exitCode, output) = await StartAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains("Bootstrap:AdminEmail", output);
        Assert.Contains("Bootstrap__AdminPassword", output);
    }

    [Fact]
    public async Task Production_WithTheBootstrapAdminAndKey_StartsAndServesTheApi()
    {
        const string key = "fdk_production-bootstrap-key-0123456789abcdef";
        HttpStatusCode? ready = null, insights = null, page = null;

        await StartAsync(async address =>
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
            ready = (await client.GetAsync("/health/ready")).StatusCode;
            page = (await client.GetAsync("/")).StatusCode;
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            insights = (await client.GetAsync("/api/v1/insights")).StatusCode;
        }, ("Bootstrap__AdminEmail", "root@example.com"), ("Bootstrap__AdminPassword", "Strong-Root-2026"), ("Bootstrap__IngestApiKey", key));

        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Equal(HttpStatusCode.Redirect, page); // to the sign-in page: no anonymous dashboard in production either
        Assert.Equal(HttpStatusCode.OK, insights);
    }

    [Fact]
    public async Task Production_WithAWeakBootstrapPassword_ExitsNonZero()
    {
        var (exitCode, output) = await StartAsync(("Bootstrap__AdminEmail", "root@example.com"), ("Bootstrap__AdminPassword", "weak"));

        Assert.Equal(2, exitCode);
        Assert.Contains("root@example.com", output);
    }
}
