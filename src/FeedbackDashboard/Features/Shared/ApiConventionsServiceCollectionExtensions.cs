namespace FeedbackDashboard.Features.Shared;

public static class ApiConventionsServiceCollectionExtensions
{
    /// <summary>What every endpoint shares: the clock, ProblemDetails for errors, OpenAPI.</summary>
    public static IHostApplicationBuilder AddApiConventions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddExceptionHandler<BadParameterHandler>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
        return builder;
    }
}
