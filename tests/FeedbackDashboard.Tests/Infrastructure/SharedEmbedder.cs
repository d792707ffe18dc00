using FeedbackDashboard.Embeddings;
using Microsoft.Extensions.AI;

namespace FeedbackDashboard.Tests.Infrastructure;

/// <summary>
/// The real model, loaded once for the whole test run instead of once per test app (90 MB and
/// about a second each). Never disposed by an app: the process owns it.
/// </summary>
public sealed class SharedEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    // On low-priority threads, as the app runs it (LocalEmbeddings).
    private static readonly Lazy<MiniLmEmbedder> Model = new(
        () => new MiniLmEmbedder(scheduler: new LowPriorityScheduler(Environment.ProcessorCount, "test embedding")), LazyThreadSafetyMode.ExecutionAndPublication);

    public static SharedEmbedder Instance { get; } = new();

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Model.Value.GenerateAsync(values, options, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) => Model.Value.GetService(serviceType, serviceKey);

    public void Dispose()
    {
        // Shared by every test app of the run.
    }
}
