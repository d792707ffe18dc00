using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Text;
using FeedbackDashboard.Core.Triggers;

namespace FeedbackDashboard.Core.Issues;

/// <summary>
/// Groups short texts by meaning without being told how many groups there are: embeddings,
/// HDBSCAN over their distances, then each leftover (noise) text joins its nearest cluster, and
/// clusters whose centres are nearly the same are joined. Identical texts (after case, space and
/// punctuation folding) are clustered once, with their count as weight, so they are never split.
/// The product's issue clusters and the clustering benchmark both run exactly this.
/// </summary>
public sealed class TextClusterer(TextClustererOptions? options = null)
{
    private readonly TextClustererOptions _options = options ?? new();

    public TextClustererOptions Options => _options;

    /// <summary>Clusters texts whose vectors are known (one per text; identical texts share the first one's).</summary>
    public TextClusters ClusterTexts(IReadOnlyList<string> texts, IReadOnlyList<float[]> vectors, CancellationToken cancellationToken = default)
    {
        var distinct = DistinctTexts.Of(texts);
        var unique = distinct.Representatives.Select(i => vectors[i]).ToList();
        return Expand(distinct, ClusterVectors(unique, distinct.Counts, cancellationToken), texts.Count);
    }

    /// <param name="weights">How many identical texts each vector stands for; null: one each.</param>
    public TextClusters ClusterVectors(IReadOnlyList<float[]> vectors, IReadOnlyList<int>? weights = null, CancellationToken cancellationToken = default)
    {
        var n = vectors.Count;
        if (n == 0)
        {
            return new TextClusters([], vectors, 0);
        }
        var distances = VectorMath.DistanceMatrix(vectors, cancellationToken);
        // A text's copies weigh at most MinSamples in HDBSCAN: otherwise every text sent often would
        // outweigh the structure of the distinct texts and become an issue of its own, splitting its topic.
        var mass = weights?.Select(w => Math.Min(w, _options.MinSamples)).ToList();
        var labels = Hdbscan.Cluster(distances, n, _options.MinClusterSize, _options.MinSamples, mass);
        var noise = Enumerable.Range(0, n).Where(i => labels[i] == Hdbscan.Noise).Sum(i => weights?[i] ?? 1);
        labels = RepeatedTextsAsClusters(labels, weights);
        if (_options.ReassignNoise && labels.Any(l => l >= 0))
        {
            labels = NoiseReassignment.ToNearestCentre(labels, vectors, weights, _options.NoiseMinSimilarity);
            if (_options.RefinementRounds > 0)
            {
                labels = CentroidRefinement.Refine(labels, vectors, _options.RefinementRounds, weights, keepNoise: _options.NoiseMinSimilarity > -1);
            }
        }
        labels = ClusterLabels.MergeNearlyIdentical(labels, vectors, _options.MergeSimilarity, weights);
        return new TextClusters(labels, vectors, noise);
    }

    /// <summary>
    /// A text sent at least MinClusterSize times that HDBSCAN left in no cluster (unlike anything else,
    /// or all texts alike) is still an issue of its own.
    /// </summary>
    private int[] RepeatedTextsAsClusters(int[] labels, IReadOnlyList<int>? weights)
    {
        var next = labels.Length == 0 ? 0 : labels.Max() + 1;
        var result = labels.ToArray();
        for (var i = 0; i < result.Length; i++)
        {
            if (result[i] == Hdbscan.Noise && (weights?[i] ?? 1) >= _options.MinClusterSize)
            {
                result[i] = next++;
            }
        }
        return result;
    }

    private static TextClusters Expand(DistinctTexts distinct, TextClusters unique, int count)
    {
        var labels = new int[count];
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            labels[i] = unique.Labels[distinct.IndexOf[i]];
            vectors[i] = unique.Vectors[distinct.IndexOf[i]];
        }
        return new TextClusters(labels, vectors, unique.NoiseBeforeReassignment);
    }
}

/// <param name="MinClusterSize">The fewest texts that make an issue.</param>
/// <param name="MinSamples">How dense a neighbourhood must be; lower finds more, smaller clusters.</param>
/// <param name="RefinementRounds">Rounds of centre refinement after HDBSCAN (0: none).</param>
/// <param name="MergeSimilarity">Clusters whose centres are at least this alike (cosine) become one.</param>
/// <param name="NoiseMinSimilarity">
/// A leftover text joins its nearest cluster only when at least this alike (cosine) to its centre;
/// the rest stay in no cluster. -1 (the benchmark's, where every text has a label): all join.
/// </param>
public sealed record TextClustererOptions(
    int MinClusterSize = 8, int MinSamples = 3, bool ReassignNoise = true, int RefinementRounds = 10, double MergeSimilarity = 0.95,
    double NoiseMinSimilarity = -1);

/// <param name="Labels">A cluster index per text (0-based), or -1 when it is in no cluster.</param>
/// <param name="NoiseBeforeReassignment">How many texts (counting repeats) HDBSCAN itself left out.</param>
public sealed record TextClusters(int[] Labels, IReadOnlyList<float[]> Vectors, int NoiseBeforeReassignment)
{
    public int ClusterCount => Labels.Where(l => l >= 0).Distinct().Count();
}

/// <summary>Texts folded for case, space and punctuation: which are the same, and how often each occurs.</summary>
public sealed class DistinctTexts
{
    private DistinctTexts(int[] indexOf, List<int> representatives, List<int> counts) =>
        (IndexOf, Representatives, Counts) = (indexOf, representatives, counts);

    /// <summary>For each text, the index of its distinct text.</summary>
    public int[] IndexOf { get; }

    /// <summary>For each distinct text, the first text that has it.</summary>
    public IReadOnlyList<int> Representatives { get; }

    /// <summary>For each distinct text, how many texts have it.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>Case, space and punctuation folded; apostrophes dropped, so "It's" and "its" are one word.</summary>
    public static string Fold(string text)
    {
        var folded = QueryText.Normalize(text.Replace("'", "", StringComparison.Ordinal).Replace("\u2019", "", StringComparison.Ordinal));
        return folded.Length > 0 ? folded : text.Trim();
    }

    public static DistinctTexts Of(IReadOnlyList<string> texts)
    {
        var byText = new Dictionary<string, int>(StringComparer.Ordinal);
        var indexOf = new int[texts.Count];
        var representatives = new List<int>();
        var counts = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            var folded = Fold(texts[i]);
            if (!byText.TryGetValue(folded, out var u))
            {
                byText[folded] = u = representatives.Count;
                representatives.Add(i);
                counts.Add(0);
            }
            indexOf[i] = u;
            counts[u]++;
        }
        return new DistinctTexts(indexOf, representatives, counts);
    }
}
