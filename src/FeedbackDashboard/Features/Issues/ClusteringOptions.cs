using System.ComponentModel.DataAnnotations;

namespace FeedbackDashboard.Features.Issues;

/// <summary>Bound from "Clustering".</summary>
public sealed class ClusteringOptions
{
    public const string SectionName = "Clustering";

    /// <summary>Recompute the issue clusters this often; 0 only on demand (and once at start).</summary>
    [Range(0, 24 * 60)]
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>Also compute once when the app starts.</summary>
    public bool RunAtStart { get; set; } = true;

    /// <summary>The window of negative feedback a run places in issues: 90 days, the Overview's longest preset.</summary>
    [Range(1, 365)]
    public int WindowDays { get; set; } = 90;

    /// <summary>
    /// A uniform sample of this many of the window's negative items is clustered (the clusterer's distance
    /// matrix is n²); then every item of the window, however many, joins the issue it is nearest when
    /// close enough, so frequencies count every item. Identical texts are clustered once, with their count.
    /// </summary>
    [Range(10, 20_000)]
    public int SampleSize { get; set; } = 5_000;

    /// <summary>Issues whose centres are at least this alike (cosine) are one issue.</summary>
    [Range(0.5, 1.0)]
    public double MergeSimilarity { get; set; } = 0.95;

    /// <summary>
    /// A complaint HDBSCAN left out joins the nearest issue only when at least this alike (cosine) to
    /// its centre, the floor new items meet to join live; farther ones stay in no issue, so an unrelated
    /// complaint never swells an issue's frequency.
    /// </summary>
    [Range(0.0, 1.0)]
    public double NoiseMinSimilarity { get; set; } = 0.5;

    /// <summary>
    /// Seconds from the end of a run before anyone may ask for another (POST /api/v1/issues/recompute,
    /// waiting or not, and the Issues page); asked sooner, the answer is 429 with Retry-After. 0: no gap
    /// (one run at a time still holds).
    /// </summary>
    [Range(0, 3_600)]
    public int MinSecondsBetweenRuns { get; set; } = 30;
}
