namespace FeedbackDashboard.Features.Demo;

/// <summary>`--demo-live` is a bare switch, which the command-line configuration provider would refuse.</summary>
public static class DemoSwitches
{
    public const string Live = "--demo-live";

    public static bool HasLive(string[] args) => args.Contains(Live, StringComparer.OrdinalIgnoreCase);

    public static string[] Remove(string[] args) => args.Where(a => !a.Equals(Live, StringComparison.OrdinalIgnoreCase)).ToArray();
}
