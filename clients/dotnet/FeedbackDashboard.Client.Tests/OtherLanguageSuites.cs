using System.Diagnostics;
using FeedbackDashboard.Browser.Tests;

namespace FeedbackDashboard.Client.Tests;

/// <summary>
/// Runs the other clients' own test suites (pytest for Python, node's test runner for TypeScript) against the same kind of real
/// dashboard process, so the repository's one test command runs them too.
/// </summary>
[Collection(DashboardCollection.Name)]
public class OtherLanguageSuites(DashboardProcess dashboard)
{
    [Fact]
    public async Task ThePythonClientsSuite_PassesAgainstTheDashboard()
    {
        await DebianPackages.EnsureAsync("/usr/lib/python3/dist-packages/pytest/__init__.py", "python3-pytest");
        var (exitCode, output) = await RunAsync("/usr/bin/python3", ["-m", "pytest", "-q", "-p", "no:cacheprovider"], Path.Combine(RepositoryRoot(), "clients", "python"));

        Assert.True(exitCode == 0, output);
        Assert.Contains(" passed", output);
    }

    [Fact]
    public async Task TheTypeScriptClientsSuite_PassesAgainstTheDashboard()
    {
        var directory = Path.Combine(RepositoryRoot(), "clients", "typescript");
        var (installed, installOutput) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], directory);
        Assert.True(installed == 0, installOutput);

        var (exitCode, output) = await RunAsync("npm", ["test"], directory);

        Assert.True(exitCode == 0, output);
        Assert.Contains("# fail 0", output);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["FEEDBACKDASHBOARD_URL"] = dashboard.Address.ToString();
        start.Environment["FEEDBACKDASHBOARD_API_KEY"] = DashboardProcess.ApiKey;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, await output + await error);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FeedbackDashboard.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("The tests run inside the repository: FeedbackDashboard.sln was not found above them.");
    }
}
