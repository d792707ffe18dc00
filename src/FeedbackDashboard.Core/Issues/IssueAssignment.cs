using FeedbackDashboard.Core.Embeddings;

namespace FeedbackDashboard.Core.Issues;

/// <summary>
/// Between two full clusterings, a new negative item joins the issue whose centre it is most like,
/// when it is as close to that centre as most of the issue's own members are: the run's 10th
/// percentile of their similarity to the centre, never below <see cref="MinimumThreshold"/> and never
/// above <see cref="MaximumThreshold"/> (an issue of one repeated text would otherwise ask for 1.0,
/// and the same complaint with other punctuation would wait for the next run). A
/// fixed cosine does not carry over between issues (a tight one about a single error message, a
/// loose one about "the answers are wrong"); the members' own spread does. Farther items wait,
/// unassigned, for the next run, which places every item.
/// </summary>
public static class IssueAssignment
{
    public const double MemberQuantile = 0.1;
    public const double MinimumThreshold = 0.5;
    public const double MaximumThreshold = 0.9;

    /// <summary>The similarity at which new items join an issue whose members have these similarities to its centre.</summary>
    public static double ThresholdFor(IReadOnlyCollection<float> memberSimilarities)
    {
        if (memberSimilarities.Count == 0)
        {
            return 1;
        }
        var sorted = memberSimilarities.Order().ToList();
        var quantile = sorted[(int)Math.Floor(MemberQuantile * (sorted.Count - 1))];
        return Math.Round(Math.Clamp(quantile, MinimumThreshold, MaximumThreshold), 4);
    }

    /// <summary>The issue the vector joins, or null when no centre is close enough.</summary>
    public static long? Nearest(IReadOnlyList<IssueCentre> issues, ReadOnlySpan<float> vector)
    {
        long? best = null;
        var bestSimilarity = double.NegativeInfinity;
        foreach (var issue in issues)
        {
            double similarity = VectorMath.Dot(vector, issue.Centre);
            if (similarity >= issue.Threshold && similarity > bestSimilarity)
            {
                (best, bestSimilarity) = (issue.Id, similarity);
            }
        }
        return best;
    }
}

/// <summary>An issue as new items are matched against it.</summary>
public sealed record IssueCentre(long Id, float[] Centre, double Threshold);
