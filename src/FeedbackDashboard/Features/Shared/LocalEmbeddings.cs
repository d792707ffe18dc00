using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Embeddings;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedbackDashboard.Features.Shared;

public static class LocalEmbeddings
{
    /// <summary>The one embedder of the app (query patterns, issue clusters): all-MiniLM-L6-v2 on the CPU, loaded on first use.</summary>
    public static IServiceCollection AddLocalEmbeddings(this IServiceCollection services)
    {
        services.TryAddSingleton<IEmbedder>(_ => new LazyEmbedder(() => new MiniLmEmbedder()));
        return services;
    }

    /// <summary>Loads the model (about 90 MB) the first time something is embedded, not at start-up.</summary>
    private sealed class LazyEmbedder(Func<IEmbedder> create) : IEmbedder, IDisposable
    {
        private readonly Lazy<IEmbedder> _inner = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

        public int Dimensions => _inner.Value.Dimensions;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            _inner.Value.Embed(texts, cancellationToken);

        public void Dispose()
        {
            if (_inner.IsValueCreated && _inner.Value is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
    }
}
