using FeedbackDashboard.Core.Clustering;
using FeedbackDashboard.Embeddings;

namespace FeedbackDashboard.Features.Clustering;

public static class ClusteringServiceCollectionExtensions
{
    /// <summary>Local embeddings (loaded on first use) and the issue clustering that runs in the background.</summary>
    public static IHostApplicationBuilder AddIssueClustering(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ClusteringOptions>().BindConfiguration(ClusteringOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IEmbedder>(_ => new LazyEmbedder(() => new MiniLmEmbedder()));
        services.AddSingleton<ClusteringStatus>();
        services.AddSingleton<IssueClusteringService>();
        services.AddSingleton<IssueClusteringWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<IssueClusteringWorker>());
        return builder;
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
