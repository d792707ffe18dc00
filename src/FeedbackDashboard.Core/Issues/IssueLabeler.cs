using System.Text.RegularExpressions;

namespace FeedbackDashboard.Core.Issues;

/// <summary>Names a cluster by the words that are frequent in it and rare elsewhere (tf-idf).</summary>
public static partial class IssueLabeler
{
    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "for", "with", "at", "by", "from", "is", "are", "was",
        "were", "be", "been", "it", "its", "this", "that", "these", "those", "i", "me", "my", "we", "you", "your", "he", "she",
        "they", "them", "do", "does", "did", "have", "has", "had", "not", "no", "can", "could", "would", "should", "will", "just",
        "so", "too", "very", "what", "how", "why", "when", "where", "which", "who", "there", "here", "about", "as", "up", "out",
        "all", "any", "am", "im", "dont", "didnt", "cant", "get", "got", "still", "than", "then", "into", "more", "some",
    ];

    public static string Label(IReadOnlyList<string> members, IReadOnlyList<IReadOnlyList<string>> allClusters, int words = 3)
    {
        var documentFrequency = new Dictionary<string, int>();
        foreach (var cluster in allClusters)
        {
            foreach (var word in cluster.SelectMany(Words).Distinct())
            {
                documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;
            }
        }
        var termFrequency = members.SelectMany(Words).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        var best = termFrequency
            .Select(t => (Word: t.Key, Score: t.Value * Math.Log((1.0 + allClusters.Count) / (1 + documentFrequency.GetValueOrDefault(t.Key)))))
            .Where(t => t.Score > 0)
            .OrderByDescending(t => t.Score).ThenBy(t => t.Word)
            .Take(words)
            .Select(t => t.Word)
            .ToList();
        return best.Count == 0 ? "(no distinctive words)" : string.Join(" · ", best);
    }

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value.Replace("'", "")).Where(w => w.Length > 2 && !StopWords.Contains(w));

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex WordPattern();
}
