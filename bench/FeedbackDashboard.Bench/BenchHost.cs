using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using FeedbackDashboard.Features.Ingestion;

namespace FeedbackDashboard.Bench;

/// <summary>
/// `FeedbackDashboard.Bench serve --urls ...`: the product app exactly as Program builds it (the same
/// composition, middleware and endpoints) plus what only the benchmarks need, mapped here so that
/// none of it ships in the product. AppProcess starts it as its own process.
/// </summary>
public static class BenchHost
{
    public const string BarePath = "/bench/bare";
    public const string HeapPath = "/bench/heap";
    public const string JitPath = "/bench/jit";

    public static Task<int> RunAsync(string[] args) => DashboardApp.RunAsync(DashboardApp.Build(args, app =>
    {
        // What ASP.NET Core alone costs for the ingest request: the same JSON body bound, 202, nothing
        // stored. bench/run.sh ingest measures the real endpoint against it in the same run.
        app.MapPost(BarePath, (FeedbackRequest body) => Results.Json(body, statusCode: StatusCodes.Status202Accepted))
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        // The managed heap after a full collection (bench/run.sh circuit).
        app.MapGet(HeapPath, () =>
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            return Results.Json(new { bytes = GC.GetTotalMemory(forceFullCollection: true) });
        }).AllowAnonymous().ExcludeFromDescription();
        // How much the JIT has compiled so far, and for how long (bench/run.sh ingest waits for it to settle).
        app.MapGet(JitPath, () => Results.Json(new JitWork(
                System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds)))
            .AllowAnonymous().ExcludeFromDescription();
    }));
}
