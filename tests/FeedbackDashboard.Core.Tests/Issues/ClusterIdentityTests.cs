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
