using FeedbackDashboard.Features.Pipeline;
using FeedbackDashboard.Components;
using FeedbackDashboard.Components.Account;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Clustering;
using FeedbackDashboard.Features.Demo;
using FeedbackDashboard.Features.Ingestion;
using FeedbackDashboard.Features.Operations;
using FeedbackDashboard.Features.Realtime;
using FeedbackDashboard.Features.Shared;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args[1]);
}

var builder = WebApplication.CreateBuilder(DemoSwitches.Remove(args));

builder.AddHttpsPolicy(); // first: a start that cannot work stops before anything else runs
builder.AddFeedbackData();
builder.AddFeedbackAccess();
builder.AddFeedbackLoop();
builder.AddFeedbackPipeline();
builder.AddFeedbackRealtime();
builder.AddDemoData(args);
builder.AddIssueClustering(); // after the demo data, so the first run at start clusters it

builder.AddFeedbackTelemetry();
builder.AddDashboardComponents();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<FeedbackDashboard.Features.Shared.DatabaseUnavailableHandler>();
builder.Services.AddExceptionHandler<FeedbackDashboard.Features.Shared.BadParameterHandler>();
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddOpenApi();

builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30)); // in-flight batches finish

var app = builder.Build();

app.UseHttpsPolicy();
app.UseSecurityHeaders();
app.UseFeedbackErrorHandling();
app.UseMiddleware<FeedbackDashboard.Features.Access.SameOriginWrites>();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapApiReference();
app.MapHealth();
app.MapFeedbackApi();
app.MapBareIngestEndpoint(app.Configuration);
app.MapHub<ReviewHub>(ReviewHub.Path);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();

try
{
    await app.RunAsync();
    return 0;
}
catch (BootstrapException e)
{
    await Console.Error.WriteLineAsync($"FeedbackDashboard cannot start: {e.Message}");
    return 2;
}
