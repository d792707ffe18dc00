using System.Numerics.Tensors;
using FeedbackDashboard.Core.Embeddings;

namespace FeedbackDashboard.Core.Issues;

/// <summary>The centre of each cluster: the normalised, weighted mean of its members.</summary>
public static class ClusterCentres
{
    /// <param name="labels">A cluster id per point; negative ids (noise) are left out.</param>
    /// <param name="weights">How many identical points each point stands for; null: one each.</param>
    public static Dictionary<int, float[]> Of(IReadOnlyList<int> labels, IReadOnlyList<float[]> vectors, IReadOnlyList<int>? weights = null)
    {
        var centres = new Dictionary<int, float[]>();
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] < 0)
            {
                continue;
            }
            if (!centres.TryGetValue(labels[i], out var centre))
            {
                centres[labels[i]] = centre = new float[vectors[i].Length];
            }
            // centre += weight · vector
            TensorPrimitives.MultiplyAdd(vectors[i], weights?[i] ?? 1, centre, centre);
        }
        foreach (var centre in centres.Values)
        {
            VectorMath.Normalize(centre);
        }
        return centres;
    }

    /// <summary>The cluster whose centre is most similar to the vector; -1 when there are none.</summary>
    public static int Nearest(IReadOnlyDictionary<int, float[]> centres, float[] vector)
    {
        var best = -1;
        var bestSimilarity = float.NegativeInfinity;
        foreach (var (id, centre) in centres)
        {
            var similarity = VectorMath.Dot(vector, centre);
            if (similarity > bestSimilarity || (similarity == bestSimilarity && id < best))
            {
                (best, bestSimilarity) = (id, similarity);
            }
        }
        return best;
    }
}
