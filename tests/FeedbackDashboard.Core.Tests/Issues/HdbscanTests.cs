using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Issues;

namespace FeedbackDashboard.Core.Tests.Issues;

public class HdbscanTests
{
    /// <summary>Unit vectors around <paramref name="centres"/> with a little noise each.</summary>
    private static List<float[]> Blobs(int perBlob, int dims, int seed, params int[] centres)
    {
        var random = new Random(seed);
        var points = new List<float[]>();
        foreach (var centre in centres)
        {
            for (var i = 0; i < perBlob; i++)
            {
                var v = new float[dims];
                v[centre] = 1;
                for (var d = 0; d < dims; d++)
                {
                    v[d] += (float)(random.NextDouble() - 0.5) * 0.2f;
                }
                VectorMath.Normalize(v);
                points.Add(v);
            }
        }
        return points;
    }

    [Fact]
    public void Cluster_FindsSeparatedGroupsWithoutBeingToldHowMany()
    {
        var points = Blobs(20, 16, seed: 1, 0, 5, 10);

        var labels = Hdbscan.Cluster(VectorMath.DistanceMatrix(points), points.Count, minClusterSize: 5, minSamples: 3);

        Assert.Equal(3, labels.Where(l => l >= 0).Distinct().Count());
        for (var blob = 0; blob < 3; blob++)
        {
            var members = labels.Skip(blob * 20).Take(20).Where(l => l >= 0).ToList();
            Assert.True(members.Count >= 15, $"blob {blob} kept {members.Count} of 20");
            Assert.Single(members.Distinct());
        }
    }

    [Fact]
    public void Cluster_FewerPointsThanTheMinimum_IsAllNoise()
    {
        var points = Blobs(3, 8, seed: 2, 0);

        var labels = Hdbscan.Cluster(VectorMath.DistanceMatrix(points), points.Count, minClusterSize: 5, minSamples: 3);

        Assert.All(labels, l => Assert.Equal(Hdbscan.Noise, l));
    }

    [Fact]
    public void NoiseReassignment_PutsEachLeftoverInTheNearestCentre()
    {
        var points = Blobs(10, 8, seed: 3, 0, 4);
        var labels = Enumerable.Repeat(0, 10).Concat(Enumerable.Repeat(1, 10)).ToArray();
        labels[3] = Hdbscan.Noise;
        labels[15] = Hdbscan.Noise;

        var assigned = NoiseReassignment.ToNearestCentre(labels, points);

        Assert.Equal(0, assigned[3]);
        Assert.Equal(1, assigned[15]);
    }

    [Fact]
    public void CentroidRefinement_MovesAMisplacedPointAndRenumbers()
    {
        var points = Blobs(10, 8, seed: 4, 0, 4);
        var labels = Enumerable.Repeat(7, 10).Concat(Enumerable.Repeat(9, 10)).ToArray();
        labels[2] = 9; // wrongly placed

        var refined = CentroidRefinement.Refine(labels, points);

        Assert.Equal(Enumerable.Repeat(0, 10).Concat(Enumerable.Repeat(1, 10)), refined);
    }
}
