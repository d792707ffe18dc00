namespace FeedbackDashboard.Core.Clustering;

/// <summary>
/// Groups short texts by meaning without being told how many groups there are: embeddings,
/// HDBSCAN over their distances, then each leftover (noise) text joins its nearest cluster. The
/// product's issue clusters and the clustering benchmark both run exactly this.
/// </summary>
public sealed class TextClusterer(IEmbedder embedder, TextClustererOptions? options = null)
{
    private readonly TextClustererOptions _options = options ?? new();

    public TextClusters Cluster(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var vectors = embedder.Embed(texts, cancellationToken);
        return ClusterVectors(vectors, cancellationToken);
    }

    public TextClusters ClusterVectors(IReadOnlyList<float[]> vectors, CancellationToken cancellationToken = default)
    {
        var n = vectors.Count;
        var distances = VectorMath.DistanceMatrix(vectors, cancellationToken);
        var labels = Hdbscan.Cluster(distances, n, _options.MinClusterSize, _options.MinSamples);
        var assigned = _options.ReassignNoise ? NoiseReassignment.ToNearestCentre(labels, vectors) : labels;
        if (_options.ReassignNoise && _options.RefinementRounds > 0)
        {
            assigned = CentroidRefinement.Refine(assigned, vectors, _options.RefinementRounds);
        }
        return new TextClusters(assigned, vectors, labels.Count(l => l == Hdbscan.Noise));
    }
}

/// <param name="MinClusterSize">The fewest texts that make an issue.</param>
/// <param name="MinSamples">How dense a neighbourhood must be; lower finds more, smaller clusters.</param>
/// <param name="RefinementRounds">Rounds of centre refinement after HDBSCAN (0: none).</param>
public sealed record TextClustererOptions(int MinClusterSize = 8, int MinSamples = 3, bool ReassignNoise = true, int RefinementRounds = 10);

/// <param name="Labels">A cluster index per text (0-based), or -1 when noise was kept.</param>
/// <param name="NoiseBeforeReassignment">How many texts HDBSCAN itself left out.</param>
public sealed record TextClusters(int[] Labels, IReadOnlyList<float[]> Vectors, int NoiseBeforeReassignment)
{
    public int ClusterCount => Labels.Where(l => l >= 0).Distinct().Count();
}
