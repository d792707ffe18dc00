namespace FeedbackDashboard.Core.Issues;

/// <summary>
/// A uniform sample of a stream whose length is not known in advance, at most <c>capacity</c> items
/// (Vitter's algorithm R): each item seen so far is in it with the same chance. The same stream and
/// seed give the same sample, so a run over unchanged feedback finds the same issues.
/// </summary>
public sealed class ReservoirSample<T>(int capacity, int seed = ReservoirSample.DefaultSeed)
{
    private readonly Random _random = new(seed);
    private readonly List<T> _items = new(Math.Min(capacity, 1 << 16));

    public IReadOnlyList<T> Items => _items;

    /// <summary>How many items were offered.</summary>
    public long Seen { get; private set; }

    public void Offer(T item)
    {
        Seen++;
        if (_items.Count < capacity)
        {
            _items.Add(item);
            return;
        }
        var slot = _random.NextInt64(Seen);
        if (slot < capacity)
        {
            _items[(int)slot] = item;
        }
    }
}

public static class ReservoirSample
{
    public const int DefaultSeed = 21;
}
