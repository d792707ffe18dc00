using FeedbackDashboard.Core.Issues;

namespace FeedbackDashboard.Features.Issues;

/// <summary>
/// Every negative item of a clustering run, read once and held compactly, so that a run grows
/// linearly with the items: each distinct text (folded as the clusterer folds it) once, with its
/// count and its vector in float16; each item as its id, distinct text, day and source; and a uniform
/// sample of the items (<see cref="ReservoirSample{T}"/>), the part the clusterer sees. At a million
/// items with a fifth of them distinct this is a few hundred megabytes, not the gigabytes of one
/// float32 vector per item.
/// </summary>
public sealed class NegativeCorpus(int sampleSize)
{
    private readonly Dictionary<string, int> _textIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sourceIndex = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];
    private readonly List<Half[]?> _vectors = [];
    private readonly List<int> _counts = [];
    private readonly List<string> _sources = [];
    private readonly List<CorpusItem> _items = [];
    private readonly List<int> _unembeddedComments = [];
    private readonly ReservoirSample<int> _sample = new(sampleSize);

    public IReadOnlyList<CorpusItem> Items => _items;

    /// <summary>The first text read of each distinct text.</summary>
    public IReadOnlyList<string> Texts => _texts;

    /// <summary>How many items have each distinct text.</summary>
    public IReadOnlyList<int> Counts => _counts;

    /// <summary>The sampled items (indexes into <see cref="Items"/>), in the order the sample holds them.</summary>
    public IReadOnlyList<int> Sample => _sample.Items;

    public long LastId { get; private set; }

    public void Add(NegativeItem item)
    {
        var folded = DistinctTexts.Fold(item.Text);
        if (!_textIndex.TryGetValue(folded, out var text))
        {
            _textIndex[folded] = text = _texts.Count;
            _texts.Add(item.Text);
            _vectors.Add(null);
            _counts.Add(0);
        }
        _counts[text]++;
        if (_vectors[text] is null && item.Vector is not null)
        {
            _vectors[text] = ToHalves(item.Vector);
        }
        if (!_sourceIndex.TryGetValue(item.Source, out var source))
        {
            _sourceIndex[item.Source] = source = _sources.Count;
            _sources.Add(item.Source);
        }
        if (item.Vector is null && item.HasComment)
        {
            _unembeddedComments.Add(_items.Count);
        }
        _sample.Offer(_items.Count);
        _items.Add(new CorpusItem(item.Id, text, item.CreatedAt, source, item.HasComment));
        LastId = Math.Max(LastId, item.Id);
    }

    public string SourceOf(CorpusItem item) => _sources[item.Source];

    public bool HasVector(int text) => _vectors[text] is not null;

    public float[] VectorOf(int text)
    {
        var halves = _vectors[text] ?? throw new InvalidOperationException($"Text {text} has no vector yet.");
        var vector = new float[halves.Length];
        for (var i = 0; i < halves.Length; i++)
        {
            vector[i] = (float)halves[i];
        }
        return vector;
    }

    /// <summary>The distinct texts no item brought a vector for: a comment the pipeline has not embedded yet, or an old question.</summary>
    public IReadOnlyList<int> TextsWithoutVector() => Enumerable.Range(0, _texts.Count).Where(t => _vectors[t] is null).ToList();

    public void SetVector(int text, float[] vector) => _vectors[text] = ToHalves(vector);

    /// <summary>The comments read without a stored embedding, with the vector they have now, to be stored.</summary>
    public IReadOnlyList<(long FeedbackId, float[] Vector)> NewCommentEmbeddings() =>
        _unembeddedComments.Select(i => _items[i]).Where(item => HasVector(item.Text)).Select(item => (item.Id, VectorOf(item.Text))).ToList();

    /// <summary>A sampled item as the issue drafts take it.</summary>
    public NegativeItem ToNegativeItem(int index)
    {
        var item = _items[index];
        var text = _texts[item.Text];
        return new NegativeItem(item.Id, item.HasComment ? text : null, item.CreatedAt, _sources[item.Source], text, VectorOf(item.Text));
    }

    private static Half[] ToHalves(float[] vector)
    {
        var halves = new Half[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            halves[i] = (Half)vector[i];
        }
        return halves;
    }
}

/// <param name="Text">The index of the item's distinct text.</param>
/// <param name="Source">The index of the item's source.</param>
public readonly record struct CorpusItem(long Id, int Text, DateTimeOffset CreatedAt, int Source, bool HasComment);
