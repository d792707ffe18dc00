using System.Text.Json;
using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Core.Issues;

namespace FeedbackDashboard.Features.Issues;

/// <summary>An issue a run found, before it is saved: its members, centre, join threshold, name and samples.</summary>
public sealed record IssueDraft(
    IReadOnlyList<NegativeItem> Members,
    float[] Centre,
    double AssignThreshold,
    string Label,
    string RepresentativeText,
    string TrendJson,
    string SamplesJson)
{
    public const int SampleCount = 3;

    /// <param name="allClusters">Every cluster's texts: a label is made of words frequent here and rare elsewhere.</param>
    public static IssueDraft From(IReadOnlyList<NegativeItem> members, IReadOnlyList<IReadOnlyList<string>> allClusters, InsightWindow window)
    {
        var centre = ClusterCentres.Of(new int[members.Count], members.Select(m => m.Vector!).ToList())[0];
        var similarities = members.Select(m => VectorMath.Dot(m.Vector, centre)).ToList();
        var representative = members[similarities.IndexOf(similarities.Max())];
        var perDay = members.GroupBy(m => DateOnly.FromDateTime(m.CreatedAt.UtcDateTime)).ToDictionary(d => d.Key, d => d.Count());
        return new IssueDraft(
            members,
            centre,
            IssueAssignment.ThresholdFor(similarities),
            Fit(IssueLabeler.Label(members.Select(m => m.Text).ToList(), allClusters), IssueCluster.MaxLabelLength),
            Fit(representative.Text, IssueCluster.MaxTextLength),
            JsonSerializer.Serialize(window.EachDay().Select(d => perDay.GetValueOrDefault(d))),
            JsonSerializer.Serialize(members.Where(m => m.HasComment).Select(m => m.Comment!).Distinct().Take(SampleCount).ToList()));
    }

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
