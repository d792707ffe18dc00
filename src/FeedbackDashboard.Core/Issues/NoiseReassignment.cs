using FeedbackDashboard.Core.Embeddings;

namespace FeedbackDashboard.Core.Issues;

public static class NoiseReassignment
{
    /// <summary>
    /// Gives each noise text the cluster whose centre (the normalised mean of its members) is
    /// closest, so every complaint lands in an issue. Centres are steadier than the single nearest
    /// member, which can be an outlier at a cluster's edge. With no cluster at all, nothing changes.
    /// </summary>
    /// <param name="minSimilarity">A noise text less like its nearest centre than this (cosine) stays noise: an unrelated complaint does not swell an issue.</param>
    public static int[] ToNearestCentre(int[] labels, IReadOnlyList<float[]> vectors, IReadOnlyList<int>? weights = null, double minSimilarity = double.NegativeInfinity)
    {
        var result = (int[])labels.Clone();
        var centres = ClusterCentres.Of(labels, vectors, weights);
        if (centres.Count == 0)
        {
            return result;
        }
        Parallel.For(0, labels.Length, i =>
        {
            if (labels[i] == Hdbscan.Noise)
            {
                var nearest = ClusterCentres.Nearest(centres, vectors[i]);
                if (VectorMath.Dot(vectors[i], centres[nearest]) >= minSimilarity)
                {
                    result[i] = nearest;
                }
            }
        });
        return result;
    }
}
