using System.Diagnostics;
using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Embeddings;

namespace FeedbackDashboard.Bench;

/// <summary>
/// `bench/run.sh clustering [FILE.csv]`: clusters the texts of a labelled CSV (text,category) through
/// the product's TextClusterer (never shown the labels or their number) and scores the clusters
/// against the labels; beside it, the same embeddings clustered by k-means told the true number.
/// </summary>
public static class ClusteringBenchmark
{
    public const string DefaultFile = "tests/datasets/banking77/test.csv";

    public static int Run(string[] args)
    {
        var file = args.Where((a, i) => !a.StartsWith("--") && (i == 0 || !args[i - 1].StartsWith("--"))).FirstOrDefault() ?? DefaultFile;
        var (texts, categories) = LabelledCsv.Read(file);
        var classes = categories.Distinct().Count();
        var truth = categories.Select(c => Array.IndexOf(categories.Distinct().ToArray(), c)).ToArray();
        Console.WriteLine($"clustering: {texts.Count:N0} texts, {classes} labels, from {file}");

        var load = Stopwatch.StartNew();
        using var embedder = new MiniLmEmbedder();
        Console.WriteLine($"clustering: model loaded in {load.Elapsed.TotalSeconds:0.00} s (not counted)");
        embedder.Embed(texts.Take(64).ToList()); // warm-up: first-run allocations of the ONNX runtime

        var rates = new List<double>();
        TextClusters? result = null;
        double totalSeconds = 0;
        var options = new TextClustererOptions(
            MinClusterSize: Measure.Option(args, "--min-cluster", new TextClustererOptions().MinClusterSize),
            MinSamples: Measure.Option(args, "--min-samples", new TextClustererOptions().MinSamples),
            MergeSimilarity: Measure.Option(args, "--merge", new TextClustererOptions().MergeSimilarity),
            NoiseMinSimilarity: Measure.Option(args, "--noise-min", new TextClustererOptions().NoiseMinSimilarity));
        var clusterer = new TextClusterer(options);
        for (var run = 0; run < 3; run++)
        {
            var total = Stopwatch.StartNew();
            var embedClock = Stopwatch.StartNew();
            var vectors = embedder.Embed(texts);
            rates.Add(texts.Count / embedClock.Elapsed.TotalSeconds);
            result = clusterer.ClusterTexts(texts, vectors);
            totalSeconds = run == 0 ? total.Elapsed.TotalSeconds : Math.Min(totalSeconds, total.Elapsed.TotalSeconds);
        }
        rates.Sort();
        var labels = result!.Labels;

        var nmi = ClusteringMetrics.Nmi(truth, labels);
        var ari = ClusteringMetrics.Ari(truth, labels);
        var accuracy = ClusteringMetrics.HungarianAccuracy(truth, labels);
        var baseline = KMeans.Cluster(result.Vectors, classes);
        var (fullRate, agreement, fullScores) = FullPrecisionBaseline(texts, result.Vectors, truth, clusterer);
        Console.WriteLine($"clustering: HDBSCAN (min cluster {options.MinClusterSize}, min samples {options.MinSamples}, noise joins when ≥ {options.NoiseMinSimilarity}): {result.ClusterCount} clusters, " +
            $"{result.NoiseBeforeReassignment} noise texts, {result.Labels.Count(l => l < 0)} left in no cluster | NMI {nmi:0.000} ARI {ari:0.000} accuracy {accuracy:0.000}");
        Console.WriteLine($"clustering: baseline k-means told k = {classes}: NMI {ClusteringMetrics.Nmi(truth, baseline):0.000} " +
            $"ARI {ClusteringMetrics.Ari(truth, baseline):0.000} accuracy {ClusteringMetrics.HungarianAccuracy(truth, baseline):0.000}");
        Console.WriteLine($"clustering: embedding {rates[1]:N0} texts/s (median of 3), embed + cluster {totalSeconds:0.00} s (best of 3)");
        Console.WriteLine($"clustering: baseline float32 model: embedding {fullRate:N0} texts/s (x{rates[1] / fullRate:0.00} with int8), " +
            $"mean cosine to the int8 vectors {agreement:0.000}, clusters NMI {fullScores.Nmi:0.000} ARI {fullScores.Ari:0.000}");
        Console.WriteLine();
        Console.WriteLine($"clustering.nmi = {Measure.Figure(nmi, 3)}");
        Console.WriteLine($"clustering.ari = {Measure.Figure(ari, 3)}");
        Console.WriteLine($"clustering.accuracy = {Measure.Figure(accuracy, 3)}");
        Console.WriteLine($"clustering.clusters = {result.ClusterCount}");
        Console.WriteLine($"clustering.embed_per_s = {Measure.Figure(rates[1])}");
        Console.WriteLine($"clustering.seconds = {Measure.Figure(totalSeconds)}");
        Console.WriteLine($"clustering.embed_fp32_per_s = {Measure.Figure(fullRate)}");
        Console.WriteLine($"clustering.embed_speedup = {Measure.Figure(rates[1] / fullRate)}");
        return 0;
    }

    /// <summary>The same texts through the unquantised model: its speed, how close its vectors are, and its clusters.</summary>
    private static (double Rate, double Agreement, (double Nmi, double Ari) Scores) FullPrecisionBaseline(
        List<string> texts, IReadOnlyList<float[]> quantized, int[] truth, TextClusterer clusterer)
    {
        using var full = new MiniLmEmbedder(quantized: false);
        full.Embed(texts.Take(64).ToList());
        var clock = Stopwatch.StartNew();
        var vectors = full.Embed(texts);
        var rate = texts.Count / clock.Elapsed.TotalSeconds;
        var agreement = vectors.Select((v, i) => (double)VectorMath.Dot(v, quantized[i])).Average();
        var labels = clusterer.ClusterTexts(texts, vectors).Labels;
        return (rate, agreement, (ClusteringMetrics.Nmi(truth, labels), ClusteringMetrics.Ari(truth, labels)));
    }
}
