namespace FeedbackDashboard.Features.Ingestion;

/// <summary>Bound from "Benchmarks". Off in every real deployment.</summary>
public sealed class BenchmarkOptions
{
    public const string SectionName = "Benchmarks";

    /// <summary>Map POST /bench/bare: binds the feedback body and answers 202, storing nothing (bench/run.sh ingest's baseline).</summary>
    public bool BareEndpoint { get; set; }
}

public static class BareIngestEndpoint
{
    /// <summary>
    /// What ASP.NET Core alone costs for the same request: the same JSON body bound, 202, nothing else.
    /// `bench/run.sh ingest` measures the real endpoint against it in the same run.
    /// </summary>
    public static IEndpointRouteBuilder MapBareIngestEndpoint(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (configuration.GetSection(BenchmarkOptions.SectionName).Get<BenchmarkOptions>()?.BareEndpoint == true)
        {
            endpoints.MapPost("/bench/bare", (FeedbackRequest body) => Results.Json(body, statusCode: StatusCodes.Status202Accepted))
                .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        }
        return endpoints;
    }
}
