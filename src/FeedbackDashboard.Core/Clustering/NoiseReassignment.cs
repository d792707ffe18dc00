namespace FeedbackDashboard.Core.Clustering;

public static class NoiseReassignment
{
    /// <summary>
    /// Gives each noise text the cluster whose centre (the normalised mean of its members) is
    /// closest, so every complaint lands in an issue. Centres are steadier than the single nearest
    /// member, which can be an outlier at a cluster's edge.
    /// </summary>
    public static int[] ToNearestCentre(int[] labels, IReadOnlyList<float[]> vectors)
    {
        var result = (int[])labels.Clone();
        var clusters = labels.Where(l => l != Hdbscan.Noise).Distinct().ToArray();
        if (clusters.Length == 0)
        {
            return result;
        }
        var dims = vectors[0].Length;
        var centres = clusters.ToDictionary(c => c, _ => new float[dims]);
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] != Hdbscan.Noise)
            {
                var centre = centres[labels[i]];
                for (var d = 0; d < dims; d++)
                {
                    centre[d] += vectors[i][d];
                }
            }
        }
        foreach (var centre in centres.Values)
        {
            VectorMath.Normalize(centre);
        }
        Parallel.For(0, labels.Length, i =>
        {
            if (labels[i] == Hdbscan.Noise)
            {
                result[i] = centres.MaxBy(c => VectorMath.Dot(vectors[i], c.Value)).Key;
            }
        });
        return result;
    }
}
