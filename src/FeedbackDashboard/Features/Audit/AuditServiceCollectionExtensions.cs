namespace FeedbackDashboard.Features.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit log every change writes to, and its reads.</summary>
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<AuditQueries>();
        return builder;
    }
}
