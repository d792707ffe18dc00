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
        IReadOnlyList<string> titles = [];
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
            titles = Titles(texts, result, embedder);
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
        var (labelMatch, wordsMatch, clusterIds) = LabelMatch(texts, categories, result, titles, embedder);
        foreach (var (id, title) in clusterIds.Zip(titles).Take(12))
        {
            Console.WriteLine($"clustering: issue {id}: \"{title}\" | before: {OldLabel(texts, result, id)}");
        }
        Console.WriteLine($"clustering: titles nearest their issue's gold intent name (of {categories.Distinct().Count()}): {labelMatch:P1} " +
            $"| baseline, today's bag-of-words labels: {wordsMatch:P1}; {titles.Distinct(StringComparer.OrdinalIgnoreCase).Count()} distinct titles of {titles.Count}");
        Console.WriteLine();
        Console.WriteLine($"clustering.nmi = {Measure.Figure(nmi, 3)}");
        Console.WriteLine($"clustering.ari = {Measure.Figure(ari, 3)}");
        Console.WriteLine($"clustering.accuracy = {Measure.Figure(accuracy, 3)}");
        Console.WriteLine($"clustering.clusters = {result.ClusterCount}");
        Console.WriteLine($"clustering.embed_per_s = {Measure.Figure(rates[1])}");
        Console.WriteLine($"clustering.seconds = {Measure.Figure(totalSeconds)}");
        Console.WriteLine($"clustering.embed_fp32_per_s = {Measure.Figure(fullRate)}");
        Console.WriteLine($"clustering.embed_speedup = {Measure.Figure(rates[1] / fullRate)}");
        Console.WriteLine($"clustering.label_match = {Measure.Figure(labelMatch, 3)}");
        Console.WriteLine($"clustering.label_match_words = {Measure.Figure(wordsMatch, 3)}");
        return 0;
    }

    /// <summary>The product's titles (IssueTitler), one per cluster in cluster order.</summary>
    private static IReadOnlyList<string> Titles(List<string> texts, TextClusters result, MiniLmEmbedder embedder)
    {
        var ids = result.Labels.Where(l => l >= 0).Distinct().Order().ToList();
        var issues = ids.Select(id =>
        {
            var members = Enumerable.Range(0, texts.Count).Where(i => result.Labels[i] == id).ToList();
            var centre = ClusterCentres.Of(new int[members.Count], members.Select(i => result.Vectors[i]).ToList())[0];
            var closeness = members.Select(i => (double)VectorMath.Dot(result.Vectors[i], centre)).ToList();
            var representative = texts[members[closeness.IndexOf(closeness.Max())]];
            return ((IReadOnlyList<string>)members.Select(i => texts[i]).ToList(), (IReadOnlyList<double>)closeness, representative, (float[]?)centre);
        }).ToList();
        return IssueTitler.TitleAll(issues, phrases => embedder.Embed(phrases.ToList()));
    }

    private static string OldLabel(List<string> texts, TextClusters result, int id)
    {
        var clusters = result.Labels.Where(l => l >= 0).Distinct().Order()
            .Select(c => (IReadOnlyList<string>)Enumerable.Range(0, texts.Count).Where(i => result.Labels[i] == c).Select(i => texts[i]).ToList()).ToList();
        return IssueLabeler.Label(Enumerable.Range(0, texts.Count).Where(i => result.Labels[i] == id).Select(i => texts[i]).ToList(), clusters);
    }

    /// <summary>
    /// The share of issues whose title is nearer (by the embedding) to the gold intent name of the issue's majority
    /// label than to any other intent name (the CSV's category, underscores read as spaces); and the same for
    /// today's bag-of-words labels.
    /// </summary>
    private static (double Titles, double Words, IReadOnlyList<int> Ids) LabelMatch(List<string> texts, List<string> categories, TextClusters result,
        IReadOnlyList<string> titles, MiniLmEmbedder embedder)
    {
        var names = categories.Distinct().ToList();
        var nameVectors = embedder.Embed(names.Select(n => n.Replace('_', ' ')).ToList());
        var ids = result.Labels.Where(l => l >= 0).Distinct().Order().ToList();
        var clusters = ids.Select(c => (IReadOnlyList<string>)Enumerable.Range(0, texts.Count).Where(i => result.Labels[i] == c).Select(i => texts[i]).ToList()).ToList();
        var oldLabels = ids.Select((id, k) => IssueLabeler.Label(clusters[k], clusters).Replace(" · ", " ")).ToList();
        var titleVectors = embedder.Embed(titles.ToList());
        var oldVectors = embedder.Embed(oldLabels);
        int titleHits = 0, oldHits = 0;
        for (var k = 0; k < ids.Count; k++)
        {
            var majority = Enumerable.Range(0, texts.Count).Where(i => result.Labels[i] == ids[k]).GroupBy(i => categories[i])
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            titleHits += Nearest(titleVectors[k], nameVectors) == names.IndexOf(majority) ? 1 : 0;
            oldHits += Nearest(oldVectors[k], nameVectors) == names.IndexOf(majority) ? 1 : 0;
        }
        return ((double)titleHits / ids.Count, (double)oldHits / ids.Count, ids);
    }

    private static int Nearest(float[] vector, IReadOnlyList<float[]> candidates)
    {
        var best = 0;
        for (var i = 1; i < candidates.Count; i++)
        {
            if (VectorMath.Dot(vector, candidates[i]) > VectorMath.Dot(vector, candidates[best]))
            {
                best = i;
            }
        }
        return best;
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
