namespace FeedbackDashboard.Features.Issues;

/// <summary>What the background clustering is doing, for the Issues page's progress bar. One per instance.</summary>
public sealed class ClusteringStatus
{
    private readonly Lock _gate = new();

    public event Action? Changed;

    public bool Running { get; private set; }
    public double Progress { get; private set; }
    public string Stage { get; private set; } = "idle";
    public DateTimeOffset? LastRunAt { get; private set; }
    public string? LastError { get; private set; }

    public void Report(string stage, double progress)
    {
        lock (_gate)
        {
            (Running, Stage, Progress) = (true, stage, progress);
        }
        Changed?.Invoke();
    }

    public void Finish(DateTimeOffset at, string? error)
    {
        lock (_gate)
        {
            (Running, Stage, Progress, LastRunAt, LastError) = (false, "idle", 1, at, error);
        }
        Changed?.Invoke();
    }
}
