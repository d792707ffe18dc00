using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Core.Patterns;

namespace FeedbackDashboard.Core.Tests.Patterns;

public class SemanticPatternIndexTests
{
    private static float[] Unit(params float[] values)
    {
        VectorMath.Normalize(values);
        return values;
    }

    [Fact]
    public void Nearest_IsTheMostSimilarPattern_WhenItReachesTheThreshold()
    {
        var index = new SemanticPatternIndex();
        index.Add("password", Unit(1, 0, 0));
        index.Add("hours", Unit(0, 1, 0));

        var match = index.Nearest(Unit(0.9f, 0.3f, 0), threshold: 0.75);

        Assert.Equal("password", match!.Key);
        Assert.Equal(0.949, match.Similarity, 3);
    }

    [Theory]
    [InlineData(0.94, "password")]
    [InlineData(0.95, null)]
    public void Nearest_BelowTheThreshold_IsNone(double threshold, string? expected)
    {
        var index = new SemanticPatternIndex();
        index.Add("password", Unit(1, 0, 0));

        Assert.Equal(expected, index.Nearest(Unit(0.9f, 0.3f, 0), threshold)?.Key);
    }

    [Fact]
    public void Empty_MatchesNothing_AndAKeyIsHeldOnce()
    {
        var index = new SemanticPatternIndex();
        Assert.Null(index.Nearest(Unit(1, 0), 0));

        index.Add("a", Unit(1, 0));
        index.Add("a", Unit(0, 1));

        Assert.Equal(1, index.Count);
        Assert.Equal("a", index.Nearest(Unit(1, 0), 0.99)!.Key);
        index.Clear();
        Assert.False(index.Contains("a"));
    }

    [Fact]
    public void ASearchCarriedOn_FindsWhatAFullSearchFinds_AsPatternsAreAdded()
    {
        var random = new Random(7);
        float[] RandomUnit() => Unit(Enumerable.Range(0, 8).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray());
        var index = new SemanticPatternIndex();
        var queries = Enumerable.Range(0, 20).Select(_ => RandomUnit()).ToArray();
        var searches = new NearestSearch?[queries.Length];
        for (var round = 0; round < 30; round++)
        {
            index.Add($"p{round}", RandomUnit());
            if (round % 3 == 0)
            {
                // A duplicate of an earlier pattern ties with it: the first one added must still win.
                index.Add($"copy{round}", queries[round % queries.Length]);
                index.Add($"copy{round}-again", queries[round % queries.Length]);
            }
            for (var q = 0; q < queries.Length; q++)
            {
                searches[q] = index.Search(queries[q], searches[q]);
                Assert.Equal(index.Nearest(queries[q], 0.2)?.Key, index.Neighbour(searches[q]!.Value, 0.2)?.Key);
                Assert.Equal(index.Count, searches[q]!.Value.Searched);
            }
        }
    }

    [Fact]
    public void ASearchFromBeforeAClear_IsNotCarriedOn()
    {
        var index = new SemanticPatternIndex();
        index.Add("old", Unit(1, 0));
        var search = index.Search(Unit(1, 0));
        index.Clear();
        index.Add("new", Unit(0.8f, 0.6f));

        Assert.Null(index.Neighbour(search, 0.5));
        Assert.Equal("new", index.Neighbour(index.Search(Unit(1, 0), search), 0.5)!.Key);
    }
}

public class PatternKeysTests
{
    [Theory]
    [InlineData("  How do I reset my password?? ", "q:how do i reset my password")]
    [InlineData("???", "q:???")]
    public void FromQuery_FoldsTheQuery(string query, string expected) => Assert.Equal(expected, PatternKeys.FromQuery(query));

    [Theory]
    [InlineData("how do i change my email address")]
    [InlineData("How do I change my email address?")]
    [InlineData("billing")]
    public void KeysFromQueries_NeverEqualAnApplicationsKey(string text)
    {
        Assert.True(PatternKeys.IsAllowedApplicationKey(text));
        Assert.NotEqual(PatternKeys.FromApplication(text), PatternKeys.FromQuery(text));
        Assert.True(PatternKeys.IsFromQuery(PatternKeys.FromQuery(text)));
        Assert.False(PatternKeys.IsFromQuery(PatternKeys.FromApplication(text)));
    }

    [Theory]
    [InlineData("q:billing")]
    [InlineData("  q:how do i reset my password")]
    public void ApplicationKeys_InTheQueryNamespace_AreRefused(string key)
    {
        Assert.False(PatternKeys.IsAllowedApplicationKey(key));
        var errors = InteractionRules.Validate(new InteractionSubmission("i-1", "A question?", null, "app", key, new Dictionary<string, string>()));
        Assert.Contains("pattern", errors.ToDictionary().Keys);
    }

    [Fact]
    public void LongKeys_KeepAPrefixAndAHash_SoTheyStayDistinct()
    {
        var a = PatternKeys.FromApplication(new string('a', 300) + "1");
        var b = PatternKeys.FromApplication(new string('a', 300) + "2");

        Assert.Equal(200, a.Length);
        Assert.NotEqual(a, b);
        Assert.StartsWith(new string('a', 100), a);
    }
}
