using System.Diagnostics;
using System.Net;

namespace FeedbackDashboard.Bench;

/// <summary>A closed-loop HTTP load: N connections each send their next request when the last is answered, for a fixed time.</summary>
public static class LoadGenerator
{
    public sealed record Result(int Requests, int Accepted, int Failed, double Seconds, List<double> LatenciesMs)
    {
        /// <summary>No phase yet: what <see cref="Plus"/> starts from.</summary>
        public static Result None { get; } = new(0, 0, 0, 0, []);

        public double PerSecond => Accepted / Seconds;

        public double Percentile(double p) => Measure.Percentile(LatenciesMs.Order().ToList(), p);

        /// <summary>Two phases of the same load as one.</summary>
        public Result Plus(Result other) =>
            new(Requests + other.Requests, Accepted + other.Accepted, Failed + other.Failed, Seconds + other.Seconds, [.. LatenciesMs, .. other.LatenciesMs]);
    }

    public static async Task<Result> RunAsync(HttpClient client, int connections, TimeSpan duration, Func<int, HttpRequestMessage> request)
    {
        var latencies = new List<double>[connections];
        var accepted = new int[connections];
        var failed = new int[connections];
        var clock = Stopwatch.StartNew();
        var counter = 0;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            latencies[c] = new List<double>(100_000);
            while (clock.Elapsed < duration)
            {
                using var message = request(Interlocked.Increment(ref counter));
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(message);
                latencies[c].Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    accepted[c]++;
                }
                else
                {
                    failed[c]++;
                }
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        return new Result(counter, accepted.Sum(), failed.Sum(), seconds, latencies.SelectMany(l => l).ToList());
    }
}
