using System.Net.Http.Json;

namespace FeedbackDashboard.Bench;

/// <summary>What the app's JIT has done so far (<see cref="BenchHost.JitPath"/>).</summary>
public sealed record JitWork(long Methods, double Milliseconds);

/// <summary>
/// Warms an app up under its load until the JIT has settled: a server runs for days, so what counts
/// is its rate once its code is compiled at its final tier. On two shared cores the full instance was
/// still compiling (its pipeline's code reaching tier 1) 30 s into a flood, and ran at two thirds of its
/// later rate meanwhile; a fixed warm-up measured part of that.
/// </summary>
public static class JitSettle
{
    /// <summary>The JIT counts as settled when it compiled for less than this share of a step.</summary>
    public const double SettledShare = 0.01;

    public static async Task<string> WarmUpAsync(string name, HttpClient client, TimeSpan minimum, TimeSpan maximum, Func<TimeSpan, Task> load)
    {
        var step = TimeSpan.FromSeconds(5);
        var spent = TimeSpan.Zero;
        var before = await ReadAsync(client);
        while (true)
        {
            await load(step);
            spent += step;
            var after = await ReadAsync(client);
            var share = (after.Milliseconds - before.Milliseconds) / step.TotalMilliseconds;
            Console.WriteLine($"{name}: warming up, {spent.TotalSeconds:0} s, the JIT busy {share:P1} of the last {step.TotalSeconds:0} s");
            if ((spent >= minimum && share < SettledShare) || spent >= maximum)
            {
                return $"warmed up {spent.TotalSeconds:0} s, {after.Methods:N0} methods compiled, the JIT busy {share:P1} of the last {step.TotalSeconds:0} s";
            }
            before = after;
        }
    }

    private static async Task<JitWork> ReadAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JitWork>(BenchHost.JitPath))!;
}
