using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Embeddings;

namespace FeedbackDashboard.Tests.Infrastructure;

/// <summary>
/// The real model, loaded once for the whole test run instead of once per test app (90 MB and
/// about a second each). Never disposed by an app: the process owns it.
/// </summary>
public sealed class SharedEmbedder : IEmbedder
{
    private static readonly Lazy<MiniLmEmbedder> Model = new(() => new MiniLmEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static SharedEmbedder Instance { get; } = new();

    public int Dimensions => Model.Value.Dimensions;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        Model.Value.Embed(texts, cancellationToken);
}
