using System.Diagnostics;

namespace FeedbackDashboard.Browser.Tests;

/// <summary>
/// Debian's chromium, installed by the test run itself when it is missing and we are root
/// (CI is); otherwise the failure says exactly what to install. Playwright never downloads a browser here.
/// </summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<string> EnsureInstalledAsync()
    {
        if (File.Exists(Path))
        {
            return Path;
        }
        await Gate.WaitAsync();
        try
        {
            if (!File.Exists(Path))
            {
                if (Environment.UserName != "root")
                {
                    throw new InvalidOperationException(
                        $"The browser tests need Debian's chromium at {Path}. Install it with: sudo apt-get install -y chromium");
                }
                await RunAsync("apt-get", "update -qq");
                await RunAsync("apt-get", "install -y -qq chromium");
            }
            return Path;
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
