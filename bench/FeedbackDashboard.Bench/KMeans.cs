using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Issues;

namespace FeedbackDashboard.Bench;

/// <summary>Spherical k-means with k-means++ seeding: the baseline that is told the number of clusters.</summary>
public static class KMeans
{
    public static int[] Cluster(IReadOnlyList<float[]> vectors, int k, int seed = 7, int iterations = 50)
    {
        var random = new Random(seed);
        var n = vectors.Count;
        var dims = vectors[0].Length;
        var centres = new List<float[]> { (float[])vectors[random.Next(n)].Clone() };
        var nearest = Enumerable.Repeat(double.MaxValue, n).ToArray();
        while (centres.Count < k)
        {
            for (var i = 0; i < n; i++)
            {
                var d = 1 - VectorMath.Dot(vectors[i], centres[^1]);
                nearest[i] = Math.Min(nearest[i], d * d);
            }
            var pick = random.NextDouble() * nearest.Sum();
            var index = 0;
            for (var acc = nearest[0]; acc < pick && index < n - 1; acc += nearest[++index]) { }
            centres.Add((float[])vectors[index].Clone());
        }

        var labels = new int[n];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var changed = false;
            Parallel.For(0, n, i =>
            {
                var best = 0;
                var bestSimilarity = float.MinValue;
                for (var c = 0; c < k; c++)
                {
                    var similarity = VectorMath.Dot(vectors[i], centres[c]);
                    if (similarity > bestSimilarity)
                    {
                        bestSimilarity = similarity;
                        best = c;
                    }
                }
                if (labels[i] != best)
                {
                    labels[i] = best;
                    changed = true;
                }
            });
            if (!changed && iteration > 0)
            {
                break;
            }
            var sums = Enumerable.Range(0, k).Select(_ => new float[dims]).ToArray();
            for (var i = 0; i < n; i++)
            {
                for (var d = 0; d < dims; d++)
                {
                    sums[labels[i]][d] += vectors[i][d];
                }
            }
            for (var c = 0; c < k; c++)
            {
                VectorMath.Normalize(sums[c]);
                centres[c] = sums[c];
            }
        }
        return labels;
    }
}
