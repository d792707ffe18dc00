using FeedbackDashboard.Core.Embeddings;

namespace FeedbackDashboard.Core.Issues;

public static class ClusterLabels
{
    /// <summary>Cluster ids renumbered 0..k-1 in order of the old ids; noise (negative) stays -1.</summary>
    public static int[] Renumber(IReadOnlyList<int> labels)
    {
        var renumber = labels.Where(l => l >= 0).Distinct().Order().Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        return labels.Select(l => l >= 0 ? renumber[l] : Hdbscan.Noise).ToArray();
    }

    /// <summary>
    /// Joins clusters whose centres are at least <paramref name="similarity"/> alike (and, through
    /// them, chains of such clusters): two runs of one complaint are one issue.
    /// </summary>
    public static int[] MergeNearlyIdentical(int[] labels, IReadOnlyList<float[]> vectors, double similarity, IReadOnlyList<int>? weights = null)
    {
        var centres = ClusterCentres.Of(labels, vectors, weights).OrderBy(c => c.Key).ToList();
        var parent = centres.ToDictionary(c => c.Key, c => c.Key);
        int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }
            return x;
        }
        for (var a = 0; a < centres.Count; a++)
        {
            for (var b = a + 1; b < centres.Count; b++)
            {
                if (VectorMath.Dot(centres[a].Value, centres[b].Value) >= similarity)
                {
                    var (ra, rb) = (Find(centres[a].Key), Find(centres[b].Key));
                    parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
                }
            }
        }
        return Renumber(labels.Select(l => l >= 0 ? Find(l) : Hdbscan.Noise).ToArray());
    }
}
