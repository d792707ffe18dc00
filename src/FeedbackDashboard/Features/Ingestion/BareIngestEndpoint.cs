using FeedbackDashboard.Features.Feedback;

namespace FeedbackDashboard.Features.Ingestion;

/// <summary>Bound from "Benchmarks". Off in every real deployment.</summary>
public sealed class BenchmarkOptions
{
    public const string SectionName = "Benchmarks";

    /// <summary>Map POST /bench/bare: binds the feedback body and answers 202, storing nothing (bench/run.sh ingest's baseline).</summary>
    public bool BareEndpoint { get; set; }

    /// <summary>Map GET /bench/heap: the managed heap after a full collection (bench/run.sh circuit). Never in production.</summary>
    public bool HeapEndpoint { get; set; }
}

public static class BareIngestEndpoint
{
    /// <summary>
    /// What ASP.NET Core alone costs for the same request: the same JSON body bound, 202, nothing else.
    /// `bench/run.sh ingest` measures the real endpoint against it in the same run.
    /// </summary>
    public static IEndpointRouteBuilder MapBareIngestEndpoint(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        var options = configuration.GetSection(BenchmarkOptions.SectionName).Get<BenchmarkOptions>() ?? new();
        if (options.HeapEndpoint)
        {
            endpoints.MapGet("/bench/heap", () =>
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                return Results.Json(new { bytes = GC.GetTotalMemory(forceFullCollection: true) });
            }).AllowAnonymous().ExcludeFromDescription();
        }
        if (options.BareEndpoint)
        {
            endpoints.MapPost("/bench/bare", (FeedbackRequest body) => Results.Json(body, statusCode: StatusCodes.Status202Accepted))
                .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        }
        return endpoints;
    }
}
