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
        var result = new long?[current.Count];
        var taken = new HashSet<long>();
        foreach (var (index, id, _) in candidates.OrderByDescending(c => c.Overlap))
        {
            if (result[index] is null && taken.Add(id))
            {
                result[index] = id;
            }
        }
        return result;
    }
}
