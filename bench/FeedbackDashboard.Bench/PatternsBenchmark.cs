using System.Diagnostics;
using FeedbackDashboard.Core.Patterns;
using FeedbackDashboard.Embeddings;

namespace FeedbackDashboard.Bench;

/// <summary>
/// `bench/run.sh patterns [FILE.csv]`: the queries of a labelled CSV arrive one by one, in a shuffled
/// order, and join query patterns the way the product assigns them (nearest representative at or
/// above a cosine threshold, else a new pattern). For each threshold it prints how pure the patterns
/// are (pairwise precision: two queries put together share their label), how complete (pairwise
/// recall), how many there are, and how many queries sit in a pattern big enough to trigger (5+).
/// The baseline beside it is the foundation's matcher: the query text with case and punctuation folded.
/// </summary>
public static class PatternsBenchmark
{
    private const int TriggerMinimum = 5;

    public static int Run(string[] args)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--")) ?? ClusteringBenchmark.DefaultFile;
        var (texts, categories) = LabelledCsv.Read(file);
        var order = Enumerable.Range(0, texts.Count).ToArray();
        new Random(77).Shuffle(order);
        texts = order.Select(i => texts[i]).ToList();
        var labels = order.Select(i => categories[i]).ToArray();
        var truth = Codes(labels);
        Console.WriteLine($"patterns: {texts.Count:N0} queries, {labels.Distinct().Count()} labels, from {file}, in a shuffled order");

        using var embedder = new MiniLmEmbedder();
        var vectors = embedder.Embed(texts);

        var folded = Codes(texts.Select(PatternKeys.FromQuery).ToArray());
        var baseline = Score(truth, folded);
        Console.WriteLine($"patterns: baseline (folded text): {baseline}");

        var defaultThreshold = new PatternOptions().SimilarityThreshold;
        Scores? chosen = null;
        double assignPerSecond = 0;
        for (var threshold = 0.50; threshold <= 0.901; threshold += 0.05)
        {
            var clock = Stopwatch.StartNew();
            var assigned = Assign(texts, vectors, threshold);
            var rate = texts.Count / clock.Elapsed.TotalSeconds;
            var scores = Score(truth, assigned);
            var mark = Math.Abs(threshold - defaultThreshold) < 1e-9 ? "  <- default" : "";
            Console.WriteLine($"patterns: threshold {threshold:0.00}: {scores}{mark}");
            if (mark.Length > 0)
            {
                chosen = scores;
                assignPerSecond = rate;
            }
        }
        chosen ??= Score(truth, Assign(texts, vectors, defaultThreshold));

        Console.WriteLine();
        Console.WriteLine($"patterns.threshold = {Measure.Figure(defaultThreshold)}");
        Console.WriteLine($"patterns.precision = {Measure.Figure(chosen.Precision, 3)}");
        Console.WriteLine($"patterns.recall = {Measure.Figure(chosen.Recall, 3)}");
        Console.WriteLine($"patterns.f1 = {Measure.Figure(chosen.F1, 3)}");
        Console.WriteLine($"patterns.patterns = {chosen.Patterns}");
        Console.WriteLine($"patterns.triggerable = {Measure.Figure(chosen.Triggerable, 3)}");
        Console.WriteLine($"patterns.baseline_recall = {Measure.Figure(baseline.Recall, 3)}");
        Console.WriteLine($"patterns.assign_per_s = {Measure.Figure(assignPerSecond, 0)}");
        return 0;
    }

    /// <summary>The product's assignment: the explicit key path is not exercised, every query is matched by meaning.</summary>
    private static int[] Assign(List<string> texts, float[][] vectors, double threshold)
    {
        var index = new SemanticPatternIndex();
        var keys = new string[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var key = index.Nearest(vectors[i], threshold)?.Key;
            if (key is null)
            {
                key = "p" + i;
                index.Add(key, vectors[i]);
            }
            keys[i] = key;
        }
        return Codes(keys);
    }

    private static int[] Codes(string[] values)
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        return values.Select(v => codes.TryGetValue(v, out var c) ? c : codes[v] = codes.Count).ToArray();
    }

    private static Scores Score(int[] truth, int[] predicted)
    {
        static double Pairs(long n) => n * (n - 1) / 2.0;
        var joint = truth.Zip(predicted).GroupBy(p => p).Sum(g => Pairs(g.Count()));
        var together = predicted.GroupBy(p => p).Sum(g => Pairs(g.Count()));
        var same = truth.GroupBy(t => t).Sum(g => Pairs(g.Count()));
        var sizes = predicted.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var triggerable = predicted.Count(p => sizes[p] >= TriggerMinimum) / (double)predicted.Length;
        return new Scores(together == 0 ? 1 : joint / together, joint / same, sizes.Count, triggerable,
            ClusteringMetrics.Nmi(truth, predicted));
    }

    private sealed record Scores(double Precision, double Recall, int Patterns, double Triggerable, double Nmi)
    {
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public override string ToString() =>
            $"precision {Precision:0.000} recall {Recall:0.000} F1 {F1:0.000} NMI {Nmi:0.000}, {Patterns} patterns, {Triggerable:P0} of queries in a pattern of {TriggerMinimum}+";
    }
}
