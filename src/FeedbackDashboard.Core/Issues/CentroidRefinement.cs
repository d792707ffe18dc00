namespace FeedbackDashboard.Core.Issues;

public static class CentroidRefinement
{
    /// <summary>
    /// A few rounds of spherical k-means started from the given clusters: HDBSCAN decides how many
    /// clusters there are and where they start; each text then moves to the centre it is most like.
    /// Clusters that empty out disappear. Labels come back renumbered 0..k-1; with no cluster to
    /// start from, they come back unchanged.
    /// </summary>
    /// <param name="weights">How many identical texts each point stands for; null: one each.</param>
    /// <param name="keepNoise">Points in no cluster stay out (only clustered points move between centres).</param>
    public static int[] Refine(int[] labels, IReadOnlyList<float[]> vectors, int rounds = 10, IReadOnlyList<int>? weights = null, bool keepNoise = false)
    {
        var current = (int[])labels.Clone();
        if (current.All(l => l < 0))
        {
            return current;
        }
        for (var round = 0; round < rounds; round++)
        {
            var centres = ClusterCentres.Of(current, vectors, weights);
            var next = new int[current.Length];
            var changed = 0;
            Parallel.For(0, current.Length, i =>
            {
                next[i] = keepNoise && current[i] < 0 ? current[i] : ClusterCentres.Nearest(centres, vectors[i]);
                if (next[i] != current[i])
                {
                    Interlocked.Increment(ref changed);
                }
            });
            current = next;
            if (changed == 0)
            {
                break;
            }
        }
        return ClusterLabels.Renumber(current);
    }
}
