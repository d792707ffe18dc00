namespace FeedbackDashboard.Bench;

/// <summary>Agreement between predicted clusters and gold labels: NMI (arithmetic normalisation, as scikit-learn), ARI, and accuracy after Hungarian matching.</summary>
public static class ClusteringMetrics
{
    public static double Nmi(int[] truth, int[] predicted)
    {
        var n = (double)truth.Length;
        var joint = Contingency(truth, predicted, out var rows, out var cols);
        double mutual = 0;
        foreach (var ((r, c), count) in joint)
        {
            mutual += count / n * Math.Log(n * count / (rows[r] * (double)cols[c]));
        }
        var hTruth = -rows.Values.Sum(v => v / n * Math.Log(v / n));
        var hPredicted = -cols.Values.Sum(v => v / n * Math.Log(v / n));
        var mean = (hTruth + hPredicted) / 2;
        return mean == 0 ? 1 : mutual / mean;
    }

    public static double Ari(int[] truth, int[] predicted)
    {
        static double Pairs(double x) => x * (x - 1) / 2;
        var joint = Contingency(truth, predicted, out var rows, out var cols);
        var index = joint.Values.Sum(v => Pairs(v));
        var sumRows = rows.Values.Sum(v => Pairs(v));
        var sumCols = cols.Values.Sum(v => Pairs(v));
        var expected = sumRows * sumCols / Pairs(truth.Length);
        var max = (sumRows + sumCols) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    /// <summary>The share of texts whose cluster maps to their label, under the best one-to-one mapping.</summary>
    public static double HungarianAccuracy(int[] truth, int[] predicted)
    {
        var labels = truth.Distinct().Order().ToArray();
        var clusters = predicted.Distinct().Order().ToArray();
        var size = Math.Max(labels.Length, clusters.Length);
        var cost = new double[size, size];
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var clusterIndex = clusters.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        for (var i = 0; i < truth.Length; i++)
        {
            cost[clusterIndex[predicted[i]], labelIndex[truth[i]]] -= 1; // maximise matches = minimise negated counts
        }
        var assignment = Hungarian.Solve(cost);
        var matched = 0.0;
        for (var r = 0; r < size; r++)
        {
            matched -= cost[r, assignment[r]];
        }
        return matched / truth.Length;
    }

    private static Dictionary<(int, int), int> Contingency(int[] truth, int[] predicted, out Dictionary<int, int> rows, out Dictionary<int, int> cols)
    {
        var joint = new Dictionary<(int, int), int>();
        rows = [];
        cols = [];
        for (var i = 0; i < truth.Length; i++)
        {
            joint[(truth[i], predicted[i])] = joint.GetValueOrDefault((truth[i], predicted[i])) + 1;
            rows[truth[i]] = rows.GetValueOrDefault(truth[i]) + 1;
            cols[predicted[i]] = cols.GetValueOrDefault(predicted[i]) + 1;
        }
        return joint;
    }
}

/// <summary>The Hungarian (Kuhn-Munkres) algorithm for a square cost matrix, O(n³): the column assigned to each row.</summary>
public static class Hungarian
{
    public static int[] Solve(double[,] cost)
    {
        var n = cost.GetLength(0);
        var u = new double[n + 1];
        var v = new double[n + 1];
        var p = new int[n + 1];
        var way = new int[n + 1];
        for (var i = 1; i <= n; i++)
        {
            p[0] = i;
            var j0 = 0;
            var minv = Enumerable.Repeat(double.MaxValue, n + 1).ToArray();
            var used = new bool[n + 1];
            do
            {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                var delta = double.MaxValue;
                for (var j = 1; j <= n; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }
                    var cur = cost[i0 - 1, j - 1] - u[i0] - v[j];
                    if (cur < minv[j])
                    {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if (minv[j] < delta)
                    {
                        delta = minv[j];
                        j1 = j;
                    }
                }
                for (var j = 0; j <= n; j++)
                {
                    if (used[j])
                    {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            }
            while (p[j0] != 0);
            do
            {
                var j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }
        var assignment = new int[n];
        for (var j = 1; j <= n; j++)
        {
            assignment[p[j] - 1] = j - 1;
        }
        return assignment;
    }
}
