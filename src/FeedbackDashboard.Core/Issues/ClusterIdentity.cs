namespace FeedbackDashboard.Core.Issues;

/// <summary>Keeps a cluster's id between runs when its members mostly stay the same.</summary>
public static class ClusterIdentity
{
    /// <summary>Share of members two clusters must have in common (Jaccard) to be the same issue.</summary>
    public const double MinimumOverlap = 0.5;

    /// <summary>
    /// For each new cluster (by index), the id of the previous cluster it continues, or null when
    /// it is new. Each previous id is given out at most once, to the best overlap first.
    /// </summary>
    public static long?[] Match(IReadOnlyList<IReadOnlySet<long>> current, IReadOnlyDictionary<long, IReadOnlySet<long>> previous)
    {
        var candidates = new List<(int Index, long Id, double Overlap)>();
        for (var i = 0; i < current.Count; i++)
        {
            foreach (var (id, members) in previous)
            {
                var common = current[i].Count(members.Contains);
                var union = current[i].Count + members.Count - common;
                var overlap = union == 0 ? 0 : (double)common / union;
                if (overlap >= MinimumOverlap)
                {
                    candidates.Add((i, id, overlap));
                }
            }
        }
        return Greedy(candidates, current.Count);
    }

    /// <summary>
    /// The same matching for a run that placed every item, in one pass over the items: <paramref name="labels"/>
    /// gives each item's new cluster (-1: none), <paramref name="previousIssueOf"/> each previous member's issue.
    /// </summary>
    public static long?[] Match(IReadOnlyList<long> ids, IReadOnlyList<int> labels, int clusterCount, IReadOnlyDictionary<long, long> previousIssueOf)
    {
        var sizes = new int[clusterCount];
        var common = new Dictionary<(int Label, long Previous), int>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (labels[i] < 0)
            {
                continue;
            }
            sizes[labels[i]]++;
            if (previousIssueOf.TryGetValue(ids[i], out var previous))
            {
                var key = (labels[i], previous);
                common[key] = common.GetValueOrDefault(key) + 1;
            }
        }
        var previousSizes = previousIssueOf.Values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        var candidates = common
            .Select(c => (c.Key.Label, Id: c.Key.Previous, Overlap: (double)c.Value / (sizes[c.Key.Label] + previousSizes[c.Key.Previous] - c.Value)))
            .Where(c => c.Overlap >= MinimumOverlap)
            .ToList();
        return Greedy(candidates, clusterCount);
    }

    private static long?[] Greedy(List<(int Index, long Id, double Overlap)> candidates, int count)
    {
        var result = new long?[count];
        var taken = new HashSet<long>();
        foreach (var (index, id, _) in candidates.OrderByDescending(c => c.Overlap).ThenBy(c => c.Index).ThenBy(c => c.Id))
        {
            if (result[index] is null && taken.Add(id))
            {
                result[index] = id;
            }
        }
        return result;
    }
}
