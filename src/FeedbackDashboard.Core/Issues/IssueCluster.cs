namespace FeedbackDashboard.Core.Issues;

/// <summary>
/// A common issue: negative feedback that says the same thing, found by clustering. Its id is
/// kept from run to run while most of its members stay, so links to it keep working.
/// </summary>
public sealed class IssueCluster
{
    public const int MaxLabelLength = 200;
    public const int MaxTextLength = 4_000;

    public long Id { get; set; }

    /// <summary>Its most distinctive words.</summary>
    public required string Label { get; set; }

    /// <summary>The member nearest the cluster's centre.</summary>
    public required string RepresentativeText { get; set; }

    /// <summary>Every member, whenever it arrived: the window's count is in <see cref="IssueDailyAggregate"/>.</summary>
    public int Frequency { get; set; }

    /// <summary>Members a day over the clustering run's window, oldest first, as JSON (what the run saw; pages read the daily counts).</summary>
    public required string TrendJson { get; set; }

    /// <summary>The normalised mean of the members' vectors: new negative feedback joins the nearest centre.</summary>
    public float[]? Centre { get; set; }

    /// <summary>
    /// The cosine similarity to <see cref="Centre"/> at which a new item joins between runs: as close
    /// as most of the members the run put here (see <see cref="IssueAssignment"/>).
    /// </summary>
    public double AssignThreshold { get; set; }

    /// <summary>Up to three member comments, as JSON.</summary>
    public required string SamplesJson { get; set; }

    /// <summary>False once a later run no longer finds it (its page then says so).</summary>
    public bool IsCurrent { get; set; } = true;

    public DateTimeOffset FirstSeenAt { get; init; }
    public DateTimeOffset ComputedAt { get; set; }
}

public sealed class IssueClusterMember
{
    public long IssueClusterId { get; init; }
    public long FeedbackId { get; init; }
}
