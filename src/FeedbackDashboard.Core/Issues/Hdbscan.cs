namespace FeedbackDashboard.Core.Issues;

/// <summary>
/// HDBSCAN (Campello, Moulavi and Sander 2013; as in the reference hdbscan library): density-based
/// clusters found without being told how many. Mutual-reachability distances, their minimum
/// spanning tree, the single-linkage hierarchy condensed at the minimum cluster size, and the
/// clusters of most stability (excess of mass). Points in no cluster are noise (-1).
/// <para>
/// A point may carry a weight: it stands for that many identical points (the same text sent many
/// times). Its copies count towards cluster sizes and stability, not towards density (a point's core
/// distance is to its k-th nearest distinct neighbour: copies at distance 0 would make any text sent
/// a few times a spike of infinite density, an issue of its own). It is one point, so identical points
/// can never be split between clusters, and the work grows with the distinct points only.
/// </para>
/// </summary>
public static class Hdbscan
{
    public const int Noise = -1;

    /// <summary>
    /// Densities above this (distances below its inverse) are treated as equal: identical points have
    /// distance 0, and an infinite density would make stability sums infinite.
    /// </summary>
    private const float MaxLambda = 1e6f;

    /// <param name="distances">Pairwise distances, n × n row-major (see <see cref="VectorMath.DistanceMatrix"/>).</param>
    /// <param name="minClusterSize">The smallest group that counts as a cluster (by weight).</param>
    /// <param name="minSamples">Neighbours that make a point "dense"; larger is more conservative.</param>
    /// <param name="weights">How many identical points each point stands for; null: one each.</param>
    public static int[] Cluster(float[] distances, int n, int minClusterSize, int minSamples, IReadOnlyList<int>? weights = null)
    {
        if (n == 0)
        {
            return [];
        }
        var weight = weights?.ToArray() ?? Enumerable.Repeat(1, n).ToArray();
        if (weight.Length != n || weight.Any(w => w < 1))
        {
            throw new ArgumentException("Give one weight of at least 1 a point.", nameof(weights));
        }
        if (n == 1 || weight.Sum() < minClusterSize)
        {
            // One distinct point is the whole data set, which HDBSCAN never calls a cluster.
            return Enumerable.Repeat(Noise, n).ToArray();
        }
        var core = CoreDistances(distances, n, Math.Min(minSamples, n - 1));
        var edges = MinimumSpanningTree(distances, core, n);
        var hierarchy = SingleLinkage(edges, n, weight);
        var condensed = Condense(hierarchy, n, minClusterSize, weight, core);
        var selected = SelectClusters(condensed, n);
        return Label(condensed, selected, n);
    }

    /// <summary>
    /// The distance to the k-th nearest distinct neighbour; each row keeps only the k nearest.
    /// </summary>
    private static float[] CoreDistances(float[] distances, int n, int k)
    {
        var core = new float[n];
        if (k <= 0)
        {
            return core;
        }
        Parallel.For(0, n, () => new float[k], (i, _, distance) =>
        {
            var needed = Math.Min(k, n - 1);
            var held = 0;
            var offset = i * n;
            for (var j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }
                var d = distances[offset + j];
                if (held == needed && d >= distance[held - 1])
                {
                    continue;
                }
                // Insertion into the short sorted list of the nearest so far.
                var at = held < needed ? held++ : held - 1;
                while (at > 0 && distance[at - 1] > d)
                {
                    distance[at] = distance[at - 1];
                    at--;
                }
                distance[at] = d;
            }
            core[i] = held == 0 ? 0 : distance[held - 1];
            return distance;
        }, _ => { });
        return core;
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
    private static (int Left, int Right, float Distance, int Size)[] SingleLinkage((int A, int B, float Weight)[] edges, int n, int[] weight)
    {
        Array.Sort(edges, (x, y) => x.Weight.CompareTo(y.Weight));
        var parent = new int[2 * n - 1];
        var size = new int[2 * n - 1];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
            size[i] = i < n ? weight[i] : 0;
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
            var (a, b, distance) = edges[i];
            var ra = Find(a);
            var rb = Find(b);
            var node = n + i;
            parent[ra] = node;
            parent[rb] = node;
            size[node] = size[ra] + size[rb];
            merges[i] = (ra, rb, distance, size[node]);
        }
        return merges;
    }

    /// <summary>A row of the condensed tree: a child (point, or cluster id ≥ n) leaving a cluster at lambda = 1 / distance.</summary>
    private readonly record struct Row(int Parent, int Child, float Lambda, int Size);

    private static float LambdaOf(float distance) => distance > 1f / MaxLambda ? 1f / distance : MaxLambda;

    private static List<Row> Condense((int Left, int Right, float Distance, int Size)[] hierarchy, int n, int minClusterSize, int[] weight, float[] core)
    {
        var root = 2 * n - 2;
        var rows = new List<Row>();
        var relabel = new Dictionary<int, int> { [root] = n };
        var nextLabel = n + 1;
        var ignore = new HashSet<int>();

        int SizeOf(int node) => node < n ? weight[node] : hierarchy[node - n].Size;

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
            var lambda = LambdaOf(distance);
            var label = relabel[node];
            var leftSize = SizeOf(left);
            var rightSize = SizeOf(right);

            if (leftSize >= minClusterSize && rightSize >= minClusterSize)
            {
                foreach (var child in (int[])[left, right])
                {
                    relabel[child] = nextLabel++;
                    rows.Add(new Row(label, relabel[child], lambda, SizeOf(child)));
                    Continue(child);
                }
            }
            else if (leftSize < minClusterSize && rightSize < minClusterSize)
            {
                foreach (var point in Leaves(left).Concat(Leaves(right)))
                {
                    rows.Add(new Row(label, point, lambda, weight[point]));
                }
                MarkIgnored(left);
                MarkIgnored(right);
            }
            else
            {
                var (big, small) = leftSize >= minClusterSize ? (left, right) : (right, left);
                relabel[big] = label;
                Continue(big);
                foreach (var point in Leaves(small))
                {
                    rows.Add(new Row(label, point, lambda, weight[point]));
                }
                MarkIgnored(small);
            }
        }
        return rows;

        // A merge is split further; a heavy point (its copies alone a cluster) leaves its cluster at its own density.
        void Continue(int node)
        {
            if (node >= n)
            {
                queue.Enqueue(node);
            }
            else
            {
                rows.Add(new Row(relabel[node], node, LambdaOf(core[node]), weight[node]));
            }
        }

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
            stability[row.Parent] += ((double)row.Lambda - birth[row.Parent]) * row.Size;
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
