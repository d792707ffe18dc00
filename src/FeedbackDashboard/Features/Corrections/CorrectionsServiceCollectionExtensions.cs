namespace FeedbackDashboard.Features.Corrections;

public static class CorrectionsServiceCollectionExtensions
{
    /// <summary>User corrections: grouped as they arrive, read by the inbox, approved and applied by reviewers.</summary>
    public static IHostApplicationBuilder AddCorrections(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<CorrectionGrouper>();
        services.AddSingleton<CorrectionQueries>();
        services.AddSingleton<CorrectionActions>();
        services.AddSingleton<CorrectionDataset>();
        return builder;
    }
}
