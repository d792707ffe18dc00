namespace FeedbackDashboard.Core.Clustering;

public static class CentroidRefinement
{
    /// <summary>
    /// A few rounds of spherical k-means started from the given clusters: HDBSCAN decides how many
    /// clusters there are and where they start; each text then moves to the centre it is most like.
    /// Clusters that empty out disappear. Labels come back renumbered 0..k-1.
    /// </summary>
    public static int[] Refine(int[] labels, IReadOnlyList<float[]> vectors, int rounds = 10)
    {
        var current = (int[])labels.Clone();
        var dims = vectors[0].Length;
        for (var round = 0; round < rounds; round++)
        {
            var ids = current.Where(l => l >= 0).Distinct().ToArray();
            var centres = ids.ToDictionary(c => c, _ => new float[dims]);
            for (var i = 0; i < current.Length; i++)
            {
                if (current[i] >= 0)
                {
                    var centre = centres[current[i]];
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
            var next = new int[current.Length];
            var changed = 0;
            Parallel.For(0, current.Length, i =>
            {
                next[i] = centres.MaxBy(c => VectorMath.Dot(vectors[i], c.Value)).Key;
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
        var renumber = current.Distinct().Order().Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        return current.Select(c => renumber[c]).ToArray();
    }
}
