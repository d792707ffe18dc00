namespace FeedbackDashboard.Browser.Tests;

/// <summary>Debian's chromium: Playwright never downloads a browser here.</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static Task<string> EnsureInstalledAsync() => DebianPackages.EnsureAsync(Path, "chromium");
}
