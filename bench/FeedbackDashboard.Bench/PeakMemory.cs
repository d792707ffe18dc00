namespace FeedbackDashboard.Bench;

/// <summary>The process's peak resident memory (Linux VmHWM), in megabytes.</summary>
public static class PeakMemory
{
    public static double Megabytes()
    {
        const string field = "VmHWM:";
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return double.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}
