namespace FeedbackDashboard.Components.Shared;

/// <summary>How many things arrived in the last window, kept as per-second buckets so it stays small.</summary>
public sealed class ArrivalRate(TimeSpan window)
{
    private readonly LinkedList<Bucket> _buckets = new();

    public void Add(DateTimeOffset at, int count = 1)
    {
        var second = at.ToUnixTimeSeconds();
        if (_buckets.Last?.Value is { } last && last.Second == second)
        {
            last.Count += count;
        }
        else
        {
            _buckets.AddLast(new Bucket(second) { Count = count });
        }
        Expire(second);
    }

    public int PerMinute(DateTimeOffset now)
    {
        Expire(now.ToUnixTimeSeconds());
        var total = _buckets.Sum(b => b.Count);
        return (int)Math.Round(total * (60.0 / window.TotalSeconds));
    }

    private void Expire(long nowSecond)
    {
        while (_buckets.First?.Value is { } first && first.Second <= nowSecond - (long)window.TotalSeconds)
        {
            _buckets.RemoveFirst();
        }
    }

    private sealed class Bucket(long second)
    {
        public long Second { get; } = second;
        public int Count { get; set; }
    }
}
