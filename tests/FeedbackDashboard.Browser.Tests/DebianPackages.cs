using System.Diagnostics;

namespace FeedbackDashboard.Browser.Tests;

/// <summary>
/// Debian packages the end-to-end tests run (chromium, redis-server), installed by the test run
/// itself when missing and we are root (CI is); otherwise the failure says exactly what to install.
/// </summary>
public static class DebianPackages
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _updated;

    /// <returns>The program's path, once it is there.</returns>
    public static async Task<string> EnsureAsync(string program, string package)
    {
        if (File.Exists(program))
        {
            return program;
        }
        await Gate.WaitAsync();
        try
        {
            if (!File.Exists(program))
            {
                if (Environment.UserName != "root")
                {
                    throw new InvalidOperationException($"These tests need {program}. Install it with: sudo apt-get install -y {package}");
                }
                if (!_updated)
                {
                    await RunAsync("apt-get", "update -qq");
                    _updated = true;
                }
                await RunAsync("apt-get", $"install -y -qq {package}");
            }
            return program;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
