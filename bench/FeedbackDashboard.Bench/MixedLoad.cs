using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Bench;

/// <summary>
/// The pipeline's sustained phase: mixed feedback at a fixed rate (a fifth negative with a comment of its own,
/// which the pipeline embeds; the rest thumbs-up and ratings) through POST /api/v1/feedback/batch, 20 batches a
/// second, each item with its interaction inline (Banking77's questions, so patterns repeat as in real traffic).
/// Afterwards each item's lag (ProcessedAt - CreatedAt) is read from the database and grouped by the second it
/// arrived: flat means the last seconds wait no longer than the first.
/// </summary>
public static class MixedLoad
{
    private const int BatchesPerSecond = 20;

    public sealed record Outcome(int Sent, double PerSecond, List<double> Lags, IReadOnlyList<(int Second, double P50, double P99)> BySecond, double DrainSeconds)
    {
        /// <summary>What the pipeline got through: every item, from the first sent to the last processed.</summary>
        public double ProcessedPerSecond => Sent / (Sent / PerSecond + DrainSeconds);

        /// <summary>
        /// How fast the lag grows over the phase's second half (least squares over each second's p50): about 0 when the
        /// pipeline keeps up, about 1,000 ms a second when it does not move at all.
        /// </summary>
        public double LagSlopeMsPerSecond
        {
            get
            {
                var half = BySecond.Skip(BySecond.Count / 2).ToList();
                if (half.Count < 2)
                {
                    return 0;
                }
                var meanX = half.Average(s => (double)s.Second);
                var meanY = half.Average(s => s.P50);
                return half.Sum(s => (s.Second - meanX) * (s.P50 - meanY)) / half.Sum(s => (s.Second - meanX) * (s.Second - meanX));
            }
        }
    }

    public static async Task<Outcome> RunAsync(AppProcess app, HttpClient client, IReadOnlyList<string> texts, int rate, int seconds)
    {
        var perBatch = Math.Max(1, rate / BatchesPerSecond);
        var run = Guid.NewGuid().ToString("N")[..6];
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>();
        var sent = 0;
        for (var b = 0; b < seconds * BatchesPerSecond; b++)
        {
            var due = TimeSpan.FromSeconds(b / (double)BatchesPerSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            var items = Enumerable.Range(sent, perBatch).Select(n => Item(run, n, texts)).ToList();
            sent += perBatch;
            sends.Add(PostAsync(client, items));
        }
        await Task.WhenAll(sends);
        var sendSeconds = clock.Elapsed.TotalSeconds;
        await PipelineBenchmark.WaitDrainedAsync(app, TimeSpan.FromMinutes(5));
        var drain = clock.Elapsed.TotalSeconds - sendSeconds;

        await using var db = app.OpenDatabase();
        var rows = await db.Feedback.Where(f => f.ClientId!.StartsWith($"mixed-{run}-")).Select(f => new { f.CreatedAt, f.ProcessedAt }).ToListAsync();
        var start = rows.Min(r => r.CreatedAt);
        var lags = rows.Select(r => (Second: (int)(r.CreatedAt - start).TotalSeconds, Lag: (r.ProcessedAt!.Value - r.CreatedAt).TotalMilliseconds)).ToList();
        var bySecond = lags.GroupBy(l => l.Second).OrderBy(g => g.Key)
            .Select(g => { var sorted = g.Select(l => l.Lag).Order().ToList(); return (g.Key, Measure.Percentile(sorted, 0.5), Measure.Percentile(sorted, 0.99)); })
            .ToList();
        return new Outcome(sent, sent / sendSeconds, lags.Select(l => l.Lag).Order().ToList(), bySecond, drain);
    }

    private static object Item(string run, int n, IReadOnlyList<string> texts)
    {
        var id = $"mixed-{run}-{n}";
        var interaction = new { id, query = texts[n % texts.Count], response = "An answer.", source = "bench-mixed" };
        return (n % 10) switch
        {
            0 or 5 => new { id, interactionId = id, type = "negative", comment = $"{texts[(n * 7 + 3) % texts.Count]} (ticket {n})", interaction },
            1 or 6 => new { id, interactionId = id, type = "rating", value = (object)(1 + n % 5), interaction },
            _ => (object)new { id, interactionId = id, type = "positive", interaction },
        };
    }

    private static async Task PostAsync(HttpClient client, List<object> items)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/feedback/batch", new { items });
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.MultiStatus))
        {
            throw new InvalidOperationException($"The batch answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
