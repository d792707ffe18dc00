using System.Diagnostics;

namespace FeedbackDashboard.Bench;

/// <summary>The CPU the app's process and this one (the load generator) used during a phase of load.</summary>
public sealed record CpuCost(TimeSpan App, TimeSpan Load)
{
    public static CpuCost None { get; } = new(TimeSpan.Zero, TimeSpan.Zero);

    public static async Task<(LoadGenerator.Result Result, CpuCost Cost)> MeasureAsync(AppProcess app, Func<Task<LoadGenerator.Result>> phase)
    {
        var self = Process.GetCurrentProcess();
        var (app0, load0) = (app.ProcessorTime, self.TotalProcessorTime);
        var result = await phase();
        self.Refresh();
        return (result, new CpuCost(app.ProcessorTime - app0, self.TotalProcessorTime - load0));
    }

    public CpuCost Plus(CpuCost other) => new(App + other.App, Load + other.Load);

    /// <summary>The app's CPU per answered request, in microseconds.</summary>
    public double AppMicroseconds(LoadGenerator.Result result) => App.TotalMicroseconds / Math.Max(1, result.Accepted);

    public double LoadMicroseconds(LoadGenerator.Result result) => Load.TotalMicroseconds / Math.Max(1, result.Accepted);
}
