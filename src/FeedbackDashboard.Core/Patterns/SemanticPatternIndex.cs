using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Issues;

namespace FeedbackDashboard.Core.Patterns;

/// <summary>
/// The query patterns that match by meaning: each keeps the embedding of its representative
/// query, and a new query joins the nearest one when their cosine similarity reaches the
/// threshold. Matching against the fixed representative (not a moving centre) keeps a pattern
/// from drifting away from what its reviewers were shown. Not thread-safe: one pipeline owns it.
/// </summary>
public sealed class SemanticPatternIndex
{
    private readonly List<string> _keys = [];
    private readonly List<float[]> _vectors = [];
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private long _generation;

    public int Count => _keys.Count;

    public bool Contains(string key) => _known.Contains(key);

    /// <summary>Adds a pattern; a key already held is ignored.</summary>
    public void Add(string key, float[] unitVector)
    {
        if (_known.Add(key))
        {
            _keys.Add(key);
            _vectors.Add(unitVector);
        }
    }

    public void Clear()
    {
        _keys.Clear();
        _vectors.Clear();
        _known.Clear();
        _generation++;
    }

    /// <summary>The most similar pattern, or null when none reaches <paramref name="threshold"/>.</summary>
    public PatternNeighbour? Nearest(ReadOnlySpan<float> unitVector, double threshold) => Neighbour(Search(unitVector), threshold);

    /// <summary>
    /// The most similar pattern to the vector, searching only the patterns added since
    /// <paramref name="earlier"/> (a search for the same vector) when the index has not been cleared
    /// since: the same answer as a full search, for a question asked again. The first of equals wins either way.
    /// </summary>
    public NearestSearch Search(ReadOnlySpan<float> unitVector, NearestSearch? earlier = null)
    {
        var search = earlier is { } e && e.Generation == _generation && e.Searched <= _vectors.Count
            ? e
            : new NearestSearch(_generation, 0, -1, float.NegativeInfinity);
        var best = search.Best;
        var bestSimilarity = search.Similarity;
        for (var i = search.Searched; i < _vectors.Count; i++)
        {
            var similarity = VectorMath.Dot(unitVector, _vectors[i]);
            if (similarity > bestSimilarity)
            {
                bestSimilarity = similarity;
                best = i;
            }
        }
        return new NearestSearch(_generation, _vectors.Count, best, bestSimilarity);
    }

    /// <summary>The pattern a search found, or null when it does not reach <paramref name="threshold"/>.</summary>
    public PatternNeighbour? Neighbour(NearestSearch search, double threshold) =>
        search.Generation == _generation && search.Best >= 0 && search.Similarity >= threshold
            ? new PatternNeighbour(_keys[search.Best], search.Similarity)
            : null;
}

/// <summary>How far a search of a <see cref="SemanticPatternIndex"/> went (its first <paramref name="Searched"/> patterns) and the best it found.</summary>
public readonly record struct NearestSearch(long Generation, int Searched, int Best, float Similarity);

public sealed record PatternNeighbour(string Key, float Similarity);
