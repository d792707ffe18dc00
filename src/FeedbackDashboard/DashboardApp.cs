using FeedbackDashboard.Components;
using FeedbackDashboard.Components.Account;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Alerts;
using FeedbackDashboard.Features.Audit;
using FeedbackDashboard.Features.Changes;
using FeedbackDashboard.Features.Corrections;
using FeedbackDashboard.Features.Demo;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.FeedbackTokens;
using FeedbackDashboard.Features.Ingestion;
using FeedbackDashboard.Features.Insights;
using FeedbackDashboard.Features.Issues;
using FeedbackDashboard.Features.Knowledge;
using FeedbackDashboard.Features.Loop;
using FeedbackDashboard.Features.Operations;
using FeedbackDashboard.Features.Patterns;
using FeedbackDashboard.Features.Pipeline;
using FeedbackDashboard.Features.Realtime;
using FeedbackDashboard.Features.Review;
using FeedbackDashboard.Features.Segments;
using FeedbackDashboard.Features.Shared;
using FeedbackDashboard.Features.Triggers;
using FeedbackDashboard.Features.Webhooks;

namespace FeedbackDashboard;

/// <summary>
/// The app's composition: one AddXyz per feature, then the request pipeline and the endpoints.
/// Program runs it; the benchmark host (bench/) runs the very same app and maps its own endpoints
/// beside the product's, so nothing made for measuring ships in the product.
/// </summary>
public static class DashboardApp
{
    public static WebApplication Build(string[] args, Action<WebApplication>? mapMore = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = DemoSwitches.Remove(args),
            ApplicationName = typeof(DashboardApp).Assembly.GetName().Name, // the static web assets' manifest, whoever hosts it
        });

        builder.AddHttpsPolicy(); // first: a start that cannot work stops before anything else runs
        builder.AddData();
        builder.AddApiConventions();
        builder.AddAccess();
        builder.AddAudit();
        builder.AddFeedback();
        builder.AddIngestion();
        builder.AddFeedbackTokens();
        builder.AddLoop();
        builder.AddPatterns();
        builder.AddTriggers();
        builder.AddReview();
        builder.AddCorrections();
        builder.AddKnowledge();
        builder.AddInsights();
        builder.AddSegments();
        builder.AddWebhooks();
        builder.AddPipeline();
        builder.AddRealtime();
        builder.AddDemo(args);
        builder.AddIssues(); // after the demo data, so the first run at start clusters it
        builder.AddChanges(); // after it too: the demo's feedback arrives in the past, and a change must not be judged before its days are seeded
        builder.AddAlerts();
        builder.AddOperations();
        builder.AddDashboardComponents();

        var app = builder.Build();

        app.UseHttpsPolicy();
        app.UseSecurityHeaders();
        app.UseFeedbackErrorHandling();
        app.UseMiddleware<SameOriginWrites>();
        app.UseCors(); // before authentication: a preflight carries no credentials
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapApiReference();
        app.MapHealth();
        app.MapFeedbackApi();
        app.MapHub<ReviewHub>(ReviewHub.Path);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        mapMore?.Invoke(app);
        return app;
    }

    /// <summary>Runs until stopped: 0, or 2 when the configuration cannot work (the message names what to set).</summary>
    public static async Task<int> RunAsync(WebApplication app)
    {
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
    }
}
