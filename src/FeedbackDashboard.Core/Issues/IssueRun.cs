namespace FeedbackDashboard.Core.Issues;

/// <summary>
/// One full clustering of the negative feedback. The newest run's id is the generation the
/// pipeline's cached issue centres are checked against, on every instance.
/// </summary>
public sealed class IssueRun
{
    public long Id { get; set; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; set; }

    /// <summary>Negative items of the window the run looked at.</summary>
    public int ItemCount { get; set; }

    /// <summary>Of those, the ones clustered (a uniform sample of Clustering:SampleSize); the rest were matched to the issues found.</summary>
    public int ClusteredCount { get; set; }

    /// <summary>Items the run left in an issue.</summary>
    public int AssignedCount { get; set; }

    public int IssueCount { get; set; }
}
