using FeedbackDashboard.Core.Patterns;
using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Patterns;

public static class PatternsServiceCollectionExtensions
{
    /// <summary>Semantic query patterns on the app's local embeddings.</summary>
    public static IHostApplicationBuilder AddPatterns(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PatternOptions>().BindConfiguration(PatternOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddLocalEmbeddings();
        services.AddSingleton<PatternAssigner>();
        return builder;
    }
}
