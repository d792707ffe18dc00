using FeedbackDashboard.Core.Issues;

namespace FeedbackDashboard.Core.Tests.Issues;

public class ClusterIdentityTests
{
    private static IReadOnlySet<long> Set(params long[] ids) => ids.ToHashSet();

    [Fact]
    public void Match_KeepsTheIdOfAClusterWhoseMembersMostlyStay()
    {
        var previous = new Dictionary<long, IReadOnlySet<long>> { [10] = Set(1, 2, 3, 4), [20] = Set(5, 6, 7, 8) };

        var matched = ClusterIdentity.Match([Set(5, 6, 7, 9), Set(1, 2, 3, 4, 11), Set(30, 31, 32)], previous);

        Assert.Equal([20L, 10L, null], matched);
    }

    [Fact]
    public void Match_GivesAnIdOutOnce_ToTheBestOverlap()
    {
        var previous = new Dictionary<long, IReadOnlySet<long>> { [10] = Set(1, 2, 3, 4) };

        var matched = ClusterIdentity.Match([Set(1, 2, 3), Set(1, 2, 3, 4)], previous);

        Assert.Equal([null, 10L], matched);
    }

    [Fact]
    public void Label_UsesWordsFrequentInTheClusterAndRareElsewhere()
    {
        IReadOnlyList<string> refunds = ["I want a refund", "refund my order", "where is my refund money"];
        IReadOnlyList<string> logins = ["cannot login", "login fails", "my password login"];

        var label = IssueLabeler.Label(refunds, [refunds, logins]);

        Assert.StartsWith("refund", label);
        Assert.DoesNotContain("login", label);
    }
}

public class ClusterIdentityByItemsTests
{
    [Fact]
    public void MatchByItems_AgreesWithMatchBySets_OnRandomMemberships()
    {
        var random = new Random(7);
        for (var round = 0; round < 50; round++)
        {
            var ids = Enumerable.Range(1, 300).Select(i => (long)i).ToList();
            var labels = ids.Select(_ => random.Next(-1, 6)).ToList();
            var previousIssueOf = ids.Where(_ => random.NextDouble() < 0.8).ToDictionary(id => id, id => 100L + (labels[(int)id - 1] >= 0 && random.NextDouble() < 0.85 ? labels[(int)id - 1] : random.Next(0, 6)));

            var sets = Enumerable.Range(0, 6).Select(k => (IReadOnlySet<long>)ids.Where((_, i) => labels[i] == k).ToHashSet()).ToList();
            var previous = previousIssueOf.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => (IReadOnlySet<long>)g.Select(p => p.Key).ToHashSet());

            Assert.Equal(ClusterIdentity.Match(sets, previous), ClusterIdentity.Match(ids, labels, 6, previousIssueOf));
        }
    }

    [Fact]
    public void MatchByItems_KeepsAnIdWhenMostMembersStay_AndGivesNoneToANewIssue()
    {
        long[] ids = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        int[] labels = [0, 0, 0, 0, 1, 1, 1, -1, 1];
        var previous = new Dictionary<long, long> { [1] = 10, [2] = 10, [3] = 10, [5] = 20 };

        Assert.Equal([10L, null], ClusterIdentity.Match(ids, labels, 2, previous));
    }
}

public class ReservoirSampleTests
{
    [Fact]
    public void KeepsEveryItem_UpToItsCapacity_ThenExactlyItsCapacity()
    {
        var small = new ReservoirSample<int>(10);
        Enumerable.Range(0, 7).ToList().ForEach(small.Offer);
        Assert.Equal(Enumerable.Range(0, 7), small.Items);

        var large = new ReservoirSample<int>(10);
        Enumerable.Range(0, 10_000).ToList().ForEach(large.Offer);
        Assert.Equal(10, large.Items.Distinct().Count());
        Assert.Equal(10_000, large.Seen);
    }

    [Fact]
    public void IsUniform_EarlyAndLateItemsAreSampledAlike_AndTheSameSeedGivesTheSameSample()
    {
        var hits = new int[10];
        for (var seed = 0; seed < 2_000; seed++)
        {
            var sample = new ReservoirSample<int>(100, seed);
            Enumerable.Range(0, 1_000).ToList().ForEach(sample.Offer);
            foreach (var item in sample.Items)
            {
                hits[item / 100]++;
            }
        }
        // Each tenth of the stream holds a tenth of the sample: 20,000 of 200,000 draws, within 3%.
        Assert.All(hits, h => Assert.InRange(h, 19_400, 20_600));

        var first = new ReservoirSample<int>(50, 3);
        var second = new ReservoirSample<int>(50, 3);
        Enumerable.Range(0, 5_000).ToList().ForEach(i => { first.Offer(i); second.Offer(i); });
        Assert.Equal(first.Items, second.Items);
    }
}
