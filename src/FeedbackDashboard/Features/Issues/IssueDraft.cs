using System.Text.Json;
using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Issues;

namespace FeedbackDashboard.Features.Issues;

/// <summary>An issue a run found in its sample, before it is saved: its centre, join threshold, name and sample comments.</summary>
public sealed record IssueDraft(
    float[] Centre,
    double AssignThreshold,
    string Label,
    string RepresentativeText,
    string SamplesJson)
{
    public const int SampleCount = 3;

    /// <summary>Every issue of a run, titled together (<see cref="IssueTitler"/>): a phrase its members say, nearest its centre, none twice.</summary>
    public static async Task<IReadOnlyList<IssueDraft>> AllAsync(IReadOnlyList<IReadOnlyList<NegativeItem>> groups,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<float[]>>> embed, CancellationToken cancellationToken)
    {
        var shapes = groups.Select(Shape).ToList();
        var titles = await IssueTitler.TitleAllAsync(
            shapes.Select(s => ((IReadOnlyList<string>)s.Members.Select(m => m.Text).ToList(), (IReadOnlyList<double>)s.Similarities, s.Representative.Text, (float[]?)s.Centre)).ToList(),
            embed, cancellationToken);
        return shapes.Select((s, k) => From(s, titles[k])).ToList();
    }

    private sealed record IssueShape(IReadOnlyList<NegativeItem> Members, float[] Centre, List<double> Similarities, NegativeItem Representative);

    private static IssueShape Shape(IReadOnlyList<NegativeItem> members)
    {
        var centre = ClusterCentres.Of(new int[members.Count], members.Select(m => m.Vector!).ToList())[0];
        var similarities = members.Select(m => (double)VectorMath.Dot(m.Vector, centre)).ToList();
        return new IssueShape(members, centre, similarities, members[similarities.IndexOf(similarities.Max())]);
    }

    private static IssueDraft From(IssueShape shape, string title)
    {
        var (members, centre, similarities, representative) = shape;
        return new IssueDraft(
            centre,
            IssueAssignment.ThresholdFor(similarities.Select(x => (float)x).ToList()),
            Fit(title, IssueCluster.MaxLabelLength),
            Fit(representative.Text, IssueCluster.MaxTextLength),
            JsonSerializer.Serialize(members.Where(m => m.HasComment).Select(m => m.Comment!).Distinct().Take(SampleCount).ToList()));
    }

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
