namespace FeedbackDashboard.Features.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>The knowledge base and the versioned instructions served back to applications.</summary>
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<KnowledgeBase>();
        services.AddSingleton<KnowledgeQueries>();
        services.AddSingleton<Instructions>();
        return builder;
    }
}
