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
    }

    /// <summary>The most similar pattern, or null when none reaches <paramref name="threshold"/>.</summary>
    public PatternNeighbour? Nearest(ReadOnlySpan<float> unitVector, double threshold)
    {
        var best = -1;
        var bestSimilarity = float.NegativeInfinity;
        for (var i = 0; i < _vectors.Count; i++)
        {
            var similarity = VectorMath.Dot(unitVector, _vectors[i]);
            if (similarity > bestSimilarity)
            {
                bestSimilarity = similarity;
                best = i;
            }
        }
        return best >= 0 && bestSimilarity >= threshold ? new PatternNeighbour(_keys[best], bestSimilarity) : null;
    }
}

public sealed record PatternNeighbour(string Key, float Similarity);
