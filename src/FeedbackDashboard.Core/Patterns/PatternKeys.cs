using System.Security.Cryptography;
using System.Text;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Text;
using FeedbackDashboard.Core.Triggers;

namespace FeedbackDashboard.Core.Patterns;

/// <summary>
/// Two namespaces that never meet: the keys an application sends are kept as sent, and the keys of
/// patterns grouped by meaning start with <see cref="QueryPrefix"/>, which an application's key may
/// not (<see cref="InteractionRules"/> refuses it). So a question never lands in a keyed pattern
/// because its folded text happens to equal the key, nor a keyed interaction in a meaning-based one.
/// </summary>
public static class PatternKeys
{
    public const string QueryPrefix = "q:";
    private const int HashSuffixLength = 17;

    /// <summary>The key the application sent, trimmed and fitted to the column.</summary>
    public static string FromApplication(string requested) => Fit(requested.Trim());

    /// <summary>A readable key for a new semantic pattern: its first query, folded, behind <see cref="QueryPrefix"/>.</summary>
    public static string FromQuery(string query)
    {
        var folded = QueryText.Normalize(query);
        return Fit(QueryPrefix + (folded.Length > 0 ? folded : query.Trim()));
    }

    /// <summary>True for a key made from question text; false for an application's own key.</summary>
    public static bool IsFromQuery(string key) => key.StartsWith(QueryPrefix, StringComparison.Ordinal);

    /// <summary>Whether an application may send this key: not in the namespace of meaning-based keys.</summary>
    public static bool IsAllowedApplicationKey(string requested) => !IsFromQuery(requested.Trim());

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
