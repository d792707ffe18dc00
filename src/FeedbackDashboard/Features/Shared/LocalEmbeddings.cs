using FeedbackDashboard.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedbackDashboard.Features.Shared;

public static class LocalEmbeddings
{
    /// <summary>
    /// The one embedding generator of the app (query patterns, corrections, issue clusters): all-MiniLM-L6-v2
    /// on the CPU, loaded on first use. Anything registered as Microsoft.Extensions.AI's
    /// IEmbeddingGenerator before this takes its place (a hosted model, a test's shared one). It runs on
    /// threads of low priority (<see cref="LowPriorityScheduler"/>): every embedding in the app is
    /// background work, and acknowledging feedback comes first.
    /// </summary>
    public static IServiceCollection AddLocalEmbeddings(this IServiceCollection services)
    {
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => new LazyGenerator(() =>
            new MiniLmEmbedder(scheduler: new LowPriorityScheduler(Environment.ProcessorCount, "embedding"))));
        return services;
    }

    /// <summary>Unit vectors for the texts, in their order (none for none).</summary>
    public static async Task<float[][]> EmbedAsync(
        this IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0)
        {
            return [];
        }
        var embeddings = await generator.GenerateAsync(texts, cancellationToken: cancellationToken);
        return embeddings.Select(e => System.Runtime.InteropServices.MemoryMarshal.TryGetArray(e.Vector, out var array)
            && array.Offset == 0 && array.Count == array.Array!.Length ? array.Array : e.Vector.ToArray()).ToArray();
    }

    /// <summary>Loads the model (about 90 MB) the first time something is embedded, not at start-up.</summary>
    private sealed class LazyGenerator(Func<IEmbeddingGenerator<string, Embedding<float>>> create) : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly Lazy<IEmbeddingGenerator<string, Embedding<float>>> _inner = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            _inner.Value.GenerateAsync(values, options, cancellationToken);

        public object? GetService(Type serviceType, object? serviceKey = null) => _inner.Value.GetService(serviceType, serviceKey);

        public void Dispose()
        {
            if (_inner.IsValueCreated)
            {
                _inner.Value.Dispose();
            }
        }
    }
}
