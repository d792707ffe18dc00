using FeedbackDashboard.Core.Issues;

namespace FeedbackDashboard.Core.Embeddings;

/// <summary>Turns texts into unit-length vectors whose dot product is their cosine similarity. Thread-safe.</summary>
public interface IEmbedder
{
    int Dimensions { get; }

    /// <summary>One vector per text, in the order given.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
