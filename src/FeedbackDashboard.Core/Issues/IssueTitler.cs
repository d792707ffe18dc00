using System.Text.RegularExpressions;

namespace FeedbackDashboard.Core.Issues;

/// <summary>
/// Titles an issue with a phrase its members say: the 2-6 word run of words (not starting or ending on a
/// small word) that the most members near the issue's centre share and that other issues rarely use.
/// A title already given to another issue is passed over; with no shared phrase the representative text,
/// trimmed, is the title. Deterministic, and no model call: candidates are counted, not embedded.
/// </summary>
public static partial class IssueTitler
{
    public const int MinWords = 2;
    public const int MaxWords = 6;
    public const int MaxFallbackWords = 8;

    private static readonly HashSet<string> SmallWords =
    [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "for", "with", "at", "by", "from", "is", "are", "was",
        "were", "be", "been", "it", "its", "this", "that", "these", "those", "i", "me", "my", "we", "you", "your", "he", "she",
        "they", "them", "do", "does", "did", "have", "has", "had", "can", "could", "would", "should", "will", "just", "so", "too",
        "very", "what", "how", "why", "when", "where", "which", "who", "there", "here", "about", "as", "up", "out", "am", "im",
        "i'm", "get", "got", "than", "then", "into", "some", "any", "please", "there's", "it's",
    ];

    /// <param name="members">The issue's texts.</param>
    /// <param name="closeness">Each member's similarity to the issue's centre (the same order): nearer members count more.</param>
    /// <param name="documentFrequency">How many issues use each phrase (<see cref="PhraseFrequency"/> over every issue's texts).</param>
    /// <param name="issueCount">How many issues there are.</param>
    /// <param name="taken">Titles other issues have: never given twice (compared without case).</param>
    /// <param name="representative">The text nearest the centre, for when no phrase is shared.</param>
    public static string Title(IReadOnlyList<string> members, IReadOnlyList<double> closeness, IReadOnlyDictionary<string, int> documentFrequency,
        int issueCount, ISet<string> taken, string representative)
    {
        foreach (var title in Candidates(members, closeness, documentFrequency, issueCount))
        {
            if (taken.Add(title))
            {
                return title;
            }
        }
        return Fallback(representative, taken);
    }

    /// <summary>The issue's shared phrases as titles, best first by how many members near the centre share them and how rare they are elsewhere.</summary>
    public static IEnumerable<string> Candidates(IReadOnlyList<string> members, IReadOnlyList<double> closeness, IReadOnlyDictionary<string, int> documentFrequency,
        int issueCount)
    {
        var weight = new Dictionary<string, double>(StringComparer.Ordinal);
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var m = 0; m < members.Count; m++)
        {
            var w = Math.Max(0.05, closeness[m]);
            foreach (var (key, display) in Phrases(members[m]).DistinctBy(p => p.Key))
            {
                weight[key] = weight.GetValueOrDefault(key) + w;
                shown.TryAdd(key, display);
            }
        }
        var total = Math.Max(1e-9, closeness.Sum(c => Math.Max(0.05, c)));
        var ranked = weight
            .Where(p => p.Value / total >= 0.05 || members.Count < 20)
            .Select(p =>
            {
                var share = p.Value / total;
                var rarity = Math.Log((1.0 + issueCount) / (1 + documentFrequency.GetValueOrDefault(p.Key)));
                var words = p.Key.Count(c => c == ' ') + 1;
                // A longer shared phrase says more; beyond four words it is rarely shared by many.
                var length = words switch { 2 => 1.0, 3 => 1.15, 4 => 1.2, _ => 1.1 };
                return (p.Key, Score: share * rarity * length);
            })
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Key, StringComparer.Ordinal);
        return ranked.Select(c => Capitalise(shown[c.Key]));
    }

    /// <summary>The representative text, trimmed; numbered when an issue has it already.</summary>
    public static string Fallback(string representative, ISet<string> taken)
    {
        var fallback = Capitalise(string.Join(' ', Words(representative).Take(MaxFallbackWords).Select(w => w.Display)));
        for (var n = 2; !taken.Add(fallback); n++)
        {
            fallback = $"{fallback.TrimEnd(' ', '(', ')', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9')} ({n})";
        }
        return fallback;
    }

    /// <summary>Titles for every issue of a run, the largest choosing first, none twice.</summary>
    /// <param name="issues">Each issue's texts, closeness to its centre and representative text.</param>
    /// <param name="embed">When given, each issue's best <see cref="ShortList"/> phrases are embedded and the one nearest the issue's centre
    /// (<paramref name="issues"/>' Centre) is its title: the phrase that means most what its members mean.</param>
    public static IReadOnlyList<string> TitleAll(
        IReadOnlyList<(IReadOnlyList<string> Texts, IReadOnlyList<double> Closeness, string Representative, float[]? Centre)> issues,
        Func<IReadOnlyList<string>, IReadOnlyList<float[]>>? embed = null)
    {
        var (frequency, shortLists) = Shortlist(issues);
        var phrases = shortLists.SelectMany(l => l).ToList();
        return Choose(issues, frequency, shortLists, embed is null || phrases.Count == 0 ? null : embed(phrases));
    }

    /// <summary><see cref="TitleAll"/> with an asynchronous embedder (the app's).</summary>
    public static async Task<IReadOnlyList<string>> TitleAllAsync(
        IReadOnlyList<(IReadOnlyList<string> Texts, IReadOnlyList<double> Closeness, string Representative, float[]? Centre)> issues,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<float[]>>> embed, CancellationToken cancellationToken)
    {
        var (frequency, shortLists) = Shortlist(issues);
        var phrases = shortLists.SelectMany(l => l).ToList();
        return Choose(issues, frequency, shortLists, phrases.Count == 0 ? null : await embed(phrases, cancellationToken));
    }

    private static (Dictionary<string, int> Frequency, List<List<string>> ShortLists) Shortlist(
        IReadOnlyList<(IReadOnlyList<string> Texts, IReadOnlyList<double> Closeness, string Representative, float[]? Centre)> issues)
    {
        var frequency = PhraseFrequency(issues.Select(i => i.Texts));
        return (frequency, issues.Select(i => Candidates(i.Texts, i.Closeness, frequency, issues.Count).Take(ShortList).ToList()).ToList());
    }

    /// <param name="vectors">The short lists' phrases embedded, in order; null: by count and rarity alone.</param>
    private static string[] Choose(
        IReadOnlyList<(IReadOnlyList<string> Texts, IReadOnlyList<double> Closeness, string Representative, float[]? Centre)> issues,
        Dictionary<string, int> frequency, List<List<string>> shortLists, IReadOnlyList<float[]>? vectors)
    {
        var preferred = new List<string>[issues.Count];
        var next = 0;
        for (var k = 0; k < issues.Count; k++)
        {
            var centre = issues[k].Centre;
            var offset = next;
            preferred[k] = vectors is null || centre is null
                ? shortLists[k]
                : shortLists[k].Select((title, rank) => (title, Near: Dot(vectors[offset + rank], centre))).OrderByDescending(t => t.Near).Select(t => t.title).ToList();
            next += shortLists[k].Count;
        }
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var titles = new string[issues.Count];
        foreach (var index in Enumerable.Range(0, issues.Count).OrderByDescending(i => issues[i].Texts.Count).ThenBy(i => i))
        {
            titles[index] = preferred[index].FirstOrDefault(taken.Add)
                ?? Title(issues[index].Texts, issues[index].Closeness, frequency, issues.Count, taken, issues[index].Representative);
        }
        return titles;
    }

    /// <summary>How many of an issue's best phrases are weighed by meaning.</summary>
    public const int ShortList = 16;

    private static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /// <summary>In how many of the issues each phrase occurs: the rarity of a title's phrase.</summary>
    public static Dictionary<string, int> PhraseFrequency(IEnumerable<IReadOnlyList<string>> issues)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var issue in issues)
        {
            foreach (var key in issue.SelectMany(t => Phrases(t).Select(p => p.Key)).Distinct())
            {
                frequency[key] = frequency.GetValueOrDefault(key) + 1;
            }
        }
        return frequency;
    }

    /// <summary>Every 2-6 word run of a text that neither starts nor ends on a small word: a lower-case key and the words as written.</summary>
    public static IEnumerable<(string Key, string Display)> Phrases(string text)
    {
        var words = Words(text).ToList();
        for (var start = 0; start < words.Count; start++)
        {
            if (SmallWords.Contains(words[start].Key))
            {
                continue;
            }
            for (var length = MinWords; length <= MaxWords && start + length <= words.Count; length++)
            {
                var last = words[start + length - 1];
                if (SmallWords.Contains(last.Key))
                {
                    continue;
                }
                var run = words.Skip(start).Take(length).ToList();
                yield return (string.Join(' ', run.Select(w => w.Key)), string.Join(' ', run.Select(w => w.Display)));
            }
        }
    }

    private static IEnumerable<(string Key, string Display)> Words(string text) =>
        WordPattern().Matches(text).Select(m => (m.Value.ToLowerInvariant(), m.Value));

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // A version keeps its dots ("3.8") and a word its apostrophe ("don't"); hyphens split, as before.
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:'\p{L}+|(?<=\p{N})\.\p{N}+)*")]
    private static partial Regex WordPattern();
}
