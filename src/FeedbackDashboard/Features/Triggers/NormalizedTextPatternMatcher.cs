using System.Security.Cryptography;
using System.Text;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Triggers;

namespace FeedbackDashboard.Features.Triggers;

/// <summary>
/// The first notion of "similar interactions": the application's pattern key when it sends one,
/// else the query with case, whitespace and punctuation folded.
/// </summary>
public sealed class NormalizedTextPatternMatcher : IQueryPatternMatcher
{
    private const int HashSuffixLength = 17;

    public ValueTask<PatternMatch> MatchAsync(PatternRequest request, CancellationToken cancellationToken)
    {
        var key = request.RequestedPattern is { Length: > 0 } requested
            ? requested.Trim()
            : QueryText.Normalize(request.Query);
        if (key.Length == 0)
        {
            key = request.Query.Trim();
        }
        return ValueTask.FromResult(new PatternMatch(Fit(key), request.Query.Trim()));
    }

    /// <summary>Keys over the column width keep a prefix and a hash of the whole, so they stay distinct.</summary>
    private static string Fit(string key)
    {
        if (key.Length <= Interaction.MaxPatternLength)
        {
            return key;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..(HashSuffixLength - 1)];
        return string.Concat(key.AsSpan(0, Interaction.MaxPatternLength - HashSuffixLength), "#", hash);
    }
}
