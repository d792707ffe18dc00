using System.Numerics.Tensors;
using FeedbackDashboard.Core.Issues;

namespace FeedbackDashboard.Core.Embeddings;

public static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);

    /// <summary>Euclidean distance between unit vectors, from their dot product: sqrt(2 - 2·cos).</summary>
    public static float UnitDistance(float dot) => MathF.Sqrt(MathF.Max(0, 2 - 2 * dot));

    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    /// <summary>All pairwise distances of unit vectors (n × n, row-major), computed in parallel blocks.</summary>
    public static float[] DistanceMatrix(IReadOnlyList<float[]> vectors, CancellationToken cancellationToken = default)
    {
        var n = vectors.Count;
        var distances = new float[n * n];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var row = vectors[i];
            for (var j = i + 1; j < n; j++)
            {
                var d = UnitDistance(Dot(row, vectors[j]));
                distances[i * n + j] = d;
                distances[j * n + i] = d;
            }
        });
        return distances;
    }
}
