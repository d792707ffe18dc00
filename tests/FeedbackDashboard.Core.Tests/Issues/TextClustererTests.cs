using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Issues;

namespace FeedbackDashboard.Core.Tests.Issues;

/// <summary>The clusterer on texts with hand-made vectors: edge inputs, repeated texts, near-identical clusters.</summary>
public class TextClustererTests
{
    private const int Dims = 16;

    /// <summary>A unit vector near axis <paramref name="axis"/>, with a little seeded noise.</summary>
    private static float[] Near(int axis, Random random, float noise = 0.2f)
    {
        var v = new float[Dims];
        v[axis] = 1;
        for (var d = 0; d < Dims; d++)
        {
            v[d] += (float)(random.NextDouble() - 0.5) * noise;
        }
        VectorMath.Normalize(v);
        return v;
    }

    /// <summary>Texts about <paramref name="axis"/>, each worded differently, with their vectors.</summary>
    private static IEnumerable<(string Text, float[] Vector)> Topic(string name, int axis, int count, Random random) =>
        Enumerable.Range(0, count).Select(i => ($"{name} complaint number {i}", Near(axis, random)));

    private static TextClusters Run(IReadOnlyList<(string Text, float[] Vector)> items, TextClustererOptions? options = null) =>
        new TextClusterer(options).ClusterTexts(items.Select(x => x.Text).ToList(), items.Select(x => x.Vector).ToList());

    [Fact]
    public void NoTexts_GiveNoClusters()
    {
        var result = Run([]);

        Assert.Empty(result.Labels);
        Assert.Equal(0, result.ClusterCount);
    }

    [Fact]
    public void OneText_IsInNoCluster()
    {
        var result = Run([("The export is broken", Near(0, new Random(1)))]);

        Assert.Equal([Hdbscan.Noise], result.Labels);
    }

    [Fact]
    public void TwentyIdenticalTexts_AreOneIssue()
    {
        var vector = Near(3, new Random(2));
        var items = Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? "It's 1000 per minute on the business plan" : "its 1000 per minute on the Business plan!!", vector)).ToList();

        var result = Run(items);

        Assert.Equal(1, result.ClusterCount);
        Assert.All(result.Labels, l => Assert.Equal(0, l));
    }

    [Fact]
    public void TwentyUnrelatedTexts_GiveAValidResult()
    {
        var random = new Random(3);
        var items = Enumerable.Range(0, 20).Select(i => ($"unrelated text {i}", Near(i % Dims, random, noise: 2f))).ToList();

        var result = Run(items);

        Assert.Equal(20, result.Labels.Length);
        Assert.All(result.Labels, l => Assert.InRange(l, Hdbscan.Noise, 19));
    }

    [Fact]
    public void FewerTextsThanAnIssueNeeds_GiveAValidResult()
    {
        var random = new Random(4);

        var result = Run([.. Topic("login", 0, 3, random)]);

        Assert.All(result.Labels, l => Assert.Equal(Hdbscan.Noise, l));
    }

    [Fact]
    public void IdenticalTexts_AreNeverSplitAcrossIssues()
    {
        var random = new Random(5);
        var repeated = Near(2, random);
        var items = Topic("billing", 0, 30, random)
            .Concat(Enumerable.Range(0, 38).Select(_ => ("It's 1000 per minute on the business plan.", repeated)))
            .Concat(Topic("export", 1, 30, random))
            .ToList();

        var result = Run(items);

        var labelsOfRepeated = result.Labels.Skip(30).Take(38).Distinct().ToList();
        Assert.Single(labelsOfRepeated);
        Assert.True(labelsOfRepeated[0] >= 0);
        Assert.Equal(3, result.ClusterCount);
    }

    [Fact]
    public void AnUnrelatedText_JoinsNoIssue_WhenNoiseMustBeCloseToJoin()
    {
        var random = new Random(8);
        var items = Topic("refund", 0, 12, random).Concat(Topic("login", 3, 12, random))
            .Append(("the app crashes on upload", Near(9, random, noise: 0.05f))).ToList();

        var strict = Run(items, new TextClustererOptions(NoiseMinSimilarity: 0.5));
        var everyone = Run(items);

        Assert.Equal(2, strict.ClusterCount);
        Assert.Equal(Hdbscan.Noise, strict.Labels[^1]);
        Assert.All(strict.Labels.Take(24), l => Assert.NotEqual(Hdbscan.Noise, l));
        Assert.NotEqual(Hdbscan.Noise, everyone.Labels[^1]);
    }

    [Fact]
    public void ClustersWithNearlyTheSameCentre_AreMerged()
    {
        var labels = new[] { 0, 0, 0, 1, 1, 1, 2, 2 };
        var random = new Random(6);
        var vectors = new[] { 0, 0, 0, 0, 0, 0, 5, 5 }.Select(axis => Near(axis, random, noise: 0.01f)).ToList();

        var merged = ClusterLabels.MergeNearlyIdentical(labels, vectors, similarity: 0.95);

        Assert.Equal([0, 0, 0, 0, 0, 0, 1, 1], merged);
    }

    [Fact]
    public void WeightedPoint_CountsAsItsCopies()
    {
        var random = new Random(7);
        var blob = Enumerable.Range(0, 12).Select(_ => Near(0, random)).ToList();
        var heavy = Near(6, random);
        var vectors = blob.Append(heavy).ToList();
        var weights = Enumerable.Repeat(1, 12).Append(19).ToList();

        var labels = Hdbscan.Cluster(VectorMath.DistanceMatrix(vectors), vectors.Count, minClusterSize: 8, minSamples: 3, weights);

        Assert.Equal(2, labels.Where(l => l >= 0).Distinct().Count());
        Assert.NotEqual(Hdbscan.Noise, labels[^1]);
        Assert.DoesNotContain(labels[^1], labels.Take(12));
    }

    [Fact]
    public void DistinctTexts_FoldCaseSpaceAndPunctuation()
    {
        var distinct = DistinctTexts.Of(["It's  broken!", "its broken", "It's fine", "IT'S BROKEN?"]);

        Assert.Equal([0, 0, 1, 0], distinct.IndexOf);
        Assert.Equal([3, 1], distinct.Counts);
    }
}
