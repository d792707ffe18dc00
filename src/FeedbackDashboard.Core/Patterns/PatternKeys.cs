using System.Security.Cryptography;
using System.Text;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Triggers;

namespace FeedbackDashboard.Core.Patterns;

public static class PatternKeys
{
    private const int HashSuffixLength = 17;

    /// <summary>The key the application sent, trimmed and fitted to the column.</summary>
    public static string FromApplication(string requested) => Fit(requested.Trim());

    /// <summary>A readable key for a new semantic pattern: its first query, folded.</summary>
    public static string FromQuery(string query)
    {
        var folded = QueryText.Normalize(query);
        return Fit(folded.Length > 0 ? folded : query.Trim());
    }

    /// <summary>Keys over the column width keep a prefix and a hash of the whole, so they stay distinct.</summary>
    public static string Fit(string key)
    {
        if (key.Length <= Interaction.MaxPatternLength)
        {
            return key;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..(HashSuffixLength - 1)];
        return string.Concat(key.AsSpan(0, Interaction.MaxPatternLength - HashSuffixLength), "#", hash);
    }
}
