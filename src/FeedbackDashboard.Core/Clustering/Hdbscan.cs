namespace FeedbackDashboard.Core.Clustering;

/// <summary>
/// HDBSCAN (Campello, Moulavi and Sander 2013; as in the reference hdbscan library): density-based
/// clusters found without being told how many. Mutual-reachability distances, their minimum
/// spanning tree, the single-linkage hierarchy condensed at the minimum cluster size, and the
/// clusters of most stability (excess of mass). Points in no cluster are noise (-1).
/// </summary>
public static class Hdbscan
{
    public const int Noise = -1;

    /// <param name="distances">Pairwise distances, n × n row-major (see <see cref="VectorMath.DistanceMatrix"/>).</param>
    /// <param name="minClusterSize">The smallest group that counts as a cluster.</param>
    /// <param name="minSamples">Neighbours that make a point "dense"; larger is more conservative.</param>
    public static int[] Cluster(float[] distances, int n, int minClusterSize, int minSamples)
    {
        if (n == 0)
        {
            return [];
        }
        if (n < minClusterSize)
        {
            return Enumerable.Repeat(Noise, n).ToArray();
        }
        var core = CoreDistances(distances, n, Math.Min(minSamples, n - 1));
        var edges = MinimumSpanningTree(distances, core, n);
        var hierarchy = SingleLinkage(edges, n);
        var condensed = Condense(hierarchy, n, minClusterSize);
        var selected = SelectClusters(condensed, n);
        return Label(condensed, selected, n);
    }

    private static float[] CoreDistances(float[] distances, int n, int k)
    {
        var core = new float[n];
        Parallel.For(0, n, () => new float[n], (i, _, row) =>
        {
            Array.Copy(distances, i * n, row, 0, n);
            row[i] = float.MaxValue;
            // The k-th nearest neighbour, by partial selection.
            core[i] = Select(row, k - 1);
            return row;
        }, _ => { });
        return core;
    }

    private static float Select(float[] values, int k)
    {
        var copy = (float[])values.Clone();
        var left = 0;
        var right = copy.Length - 1;
        while (left < right)
        {
            var pivot = copy[(left + right) >> 1];
            int i = left, j = right;
            while (i <= j)
            {
                while (copy[i] < pivot) i++;
                while (copy[j] > pivot) j--;
                if (i <= j)
                {
                    (copy[i], copy[j]) = (copy[j], copy[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else break;
        }
        return copy[k];
    }

    /// <summary>Prim's algorithm over the complete mutual-reachability graph: n - 1 edges (a, b, weight).</summary>
    private static (int A, int B, float Weight)[] MinimumSpanningTree(float[] distances, float[] core, int n)
    {
        var inTree = new bool[n];
        var best = new float[n];
        var from = new int[n];
        Array.Fill(best, float.MaxValue);
        var edges = new (int, int, float)[n - 1];
        var current = 0;
        inTree[0] = true;
        for (var e = 0; e < n - 1; e++)
        {
            var next = -1;
            var nextWeight = float.MaxValue;
            var coreCurrent = core[current];
            var offset = current * n;
            for (var j = 0; j < n; j++)
            {
                if (inTree[j])
                {
                    continue;
                }
                var reach = Math.Max(Math.Max(coreCurrent, core[j]), distances[offset + j]);
                if (reach < best[j])
                {
                    best[j] = reach;
                    from[j] = current;
                }
                if (best[j] < nextWeight)
                {
                    nextWeight = best[j];
                    next = j;
                }
            }
            edges[e] = (from[next], next, nextWeight);
            inTree[next] = true;
            current = next;
        }
        return edges;
    }

    /// <summary>Merges in order of weight: node n + i is the i-th merge of two nodes (points are 0..n-1).</summary>
    private static (int Left, int Right, float Distance, int Size)[] SingleLinkage((int A, int B, float Weight)[] edges, int n)
    {
        Array.Sort(edges, (x, y) => x.Weight.CompareTo(y.Weight));
        var parent = new int[2 * n - 1];
        var size = new int[2 * n - 1];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
            size[i] = i < n ? 1 : 0;
        }
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }
        var merges = new (int, int, float, int)[n - 1];
        for (var i = 0; i < edges.Length; i++)
        {
            var (a, b, weight) = edges[i];
            var ra = Find(a);
            var rb = Find(b);
            var node = n + i;
            parent[ra] = node;
            parent[rb] = node;
            size[node] = size[ra] + size[rb];
            merges[i] = (ra, rb, weight, size[node]);
        }
        return merges;
    }

    /// <summary>A row of the condensed tree: a child (point, or cluster id ≥ n) leaving a cluster at lambda = 1 / distance.</summary>
    private readonly record struct Row(int Parent, int Child, float Lambda, int Size);

    private static List<Row> Condense((int Left, int Right, float Distance, int Size)[] hierarchy, int n, int minClusterSize)
    {
        var root = 2 * n - 2;
        var rows = new List<Row>();
        var relabel = new Dictionary<int, int> { [root] = n };
        var nextLabel = n + 1;
        var ignore = new HashSet<int>();

        int SizeOf(int node) => node < n ? 1 : hierarchy[node - n].Size;

        IEnumerable<int> Leaves(int node)
        {
            var stack = new Stack<int>();
            stack.Push(node);
            while (stack.Count > 0)
            {
                var x = stack.Pop();
                if (x < n)
                {
                    yield return x;
                }
                else
                {
                    stack.Push(hierarchy[x - n].Left);
                    stack.Push(hierarchy[x - n].Right);
                }
            }
        }

        // Top-down, breadth first from the root.
        var queue = new Queue<int>();
        queue.Enqueue(root);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (node < n || ignore.Contains(node))
            {
                continue;
            }
            var (left, right, distance, _) = hierarchy[node - n];
            var lambda = distance > 0 ? 1f / distance : float.MaxValue;
            var label = relabel[node];
            var leftSize = SizeOf(left);
            var rightSize = SizeOf(right);

            if (leftSize >= minClusterSize && rightSize >= minClusterSize)
            {
                relabel[left] = nextLabel++;
                rows.Add(new Row(label, relabel[left], lambda, leftSize));
                relabel[right] = nextLabel++;
                rows.Add(new Row(label, relabel[right], lambda, rightSize));
                queue.Enqueue(left);
                queue.Enqueue(right);
            }
            else if (leftSize < minClusterSize && rightSize < minClusterSize)
            {
                foreach (var point in Leaves(left).Concat(Leaves(right)))
                {
                    rows.Add(new Row(label, point, lambda, 1));
                }
                MarkIgnored(left);
                MarkIgnored(right);
            }
            else
            {
                var (big, small) = leftSize >= minClusterSize ? (left, right) : (right, left);
                relabel[big] = label;
                queue.Enqueue(big);
                foreach (var point in Leaves(small))
                {
                    rows.Add(new Row(label, point, lambda, 1));
                }
                MarkIgnored(small);
            }
        }
        return rows;

        void MarkIgnored(int node)
        {
            if (node >= n)
            {
                ignore.Add(node);
            }
        }
    }

    /// <summary>Excess of mass: a cluster is kept unless its children together are more stable.</summary>
    private static HashSet<int> SelectClusters(List<Row> condensed, int n)
    {
        var birth = new Dictionary<int, float> { [n] = 0 };
        foreach (var row in condensed.Where(r => r.Child >= n))
        {
            birth[row.Child] = row.Lambda;
        }
        var stability = birth.Keys.ToDictionary(c => c, _ => 0.0);
        foreach (var row in condensed)
        {
            stability[row.Parent] += (row.Lambda - birth[row.Parent]) * row.Size;
        }
        var children = condensed.Where(r => r.Child >= n).ToLookup(r => r.Parent, r => r.Child);

        var selected = new HashSet<int>();
        // Children have larger ids than their parents: visiting ids downwards is leaves first.
        foreach (var cluster in birth.Keys.Where(c => c != n).OrderByDescending(c => c))
        {
            var childStability = children[cluster].Sum(c => stability[c]);
            if (children[cluster].Any() && childStability > stability[cluster])
            {
                stability[cluster] = childStability;
            }
            else
            {
                selected.Add(cluster);
                foreach (var descendant in Descendants(cluster))
                {
                    selected.Remove(descendant);
                }
            }
        }
        return selected;

        IEnumerable<int> Descendants(int cluster)
        {
            foreach (var child in children[cluster])
            {
                yield return child;
                foreach (var below in Descendants(child))
                {
                    yield return below;
                }
            }
        }
    }

    private static int[] Label(List<Row> condensed, HashSet<int> selected, int n)
    {
        var parentOf = condensed.Where(r => r.Child >= n).ToDictionary(r => r.Child, r => r.Parent);
        var clusterIndex = selected.Order().Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var labels = Enumerable.Repeat(Noise, n).ToArray();
        foreach (var row in condensed.Where(r => r.Child < n))
        {
            // The point belongs to the selected cluster at or above the cluster it fell out of.
            for (var cluster = row.Parent; ; cluster = parentOf[cluster])
            {
                if (clusterIndex.TryGetValue(cluster, out var index))
                {
                    labels[row.Child] = index;
                    break;
                }
                if (!parentOf.ContainsKey(cluster))
                {
                    break;
                }
            }
        }
        return labels;
    }
}
