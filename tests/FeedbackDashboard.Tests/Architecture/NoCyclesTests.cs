using Xunit.Abstractions;

namespace FeedbackDashboard.Tests.Architecture;

/// <summary>Features may use each other only one way round: a change in one never has to ripple back.</summary>
public class NoCyclesTests(ITestOutputHelper output)
{
    private static string[] Assemblies() =>
    [
        typeof(Program).Assembly.Location,
        typeof(FeedbackDashboard.Core.Feedback.FeedbackType).Assembly.Location,
    ];

    [Fact]
    public void NoTwoFeatures_DependOnEachOther()
    {
        var reasons = new SortedSet<string>(StringComparer.Ordinal);
        var graph = FeatureDependencies.Read((from, used) => reasons.Add($"{from} uses {used}"), Assemblies());
        foreach (var (from, uses) in graph.OrderBy(p => p.Key))
        {
            output.WriteLine($"{from} -> {string.Join(", ", uses.Order())}");
        }

        var cycles = FeatureDependencies.Cycles(graph);
        var inCycles = cycles.SelectMany(c => c).ToHashSet();
        foreach (var reason in reasons.Where(r => r.Split(" uses ") is [var a, var b]
                     && inCycles.Contains(FeatureDependencies.AreaOf(a[..a.LastIndexOf('.')]) ?? "")
                     && inCycles.Contains(FeatureDependencies.AreaOf(b[..b.LastIndexOf('.')]) ?? "")))
        {
            output.WriteLine(reason);
        }

        Assert.True(cycles.Count == 0, "Features that depend on each other: " + string.Join("; ", cycles.Select(c => string.Join(" <-> ", c))));
    }

    [Fact]
    public void TheReading_SeesTheDependenciesThatAreThere_AndACircleWhenThereIsOne()
    {
        var graph = FeatureDependencies.Read(Assemblies());

        Assert.Contains("Features.Feedback", graph["Features.Loop"]); // the loop stores through the feedback feature
        Assert.Contains("Features.Loop", graph["Features.Pipeline"]); // the pipeline checks the triggers through the loop
        Assert.Contains("Features.Access", graph["Components"]);
        Assert.Contains("Core.Embeddings", graph["Core.Patterns"]);
        var circle = new Dictionary<string, IReadOnlySet<string>>
        {
            ["A"] = new HashSet<string> { "B" },
            ["B"] = new HashSet<string> { "C" },
            ["C"] = new HashSet<string> { "A" },
            ["D"] = new HashSet<string> { "A" },
        };
        Assert.Equal(["A", "B", "C"], Assert.Single(FeatureDependencies.Cycles(circle)));
    }
}
