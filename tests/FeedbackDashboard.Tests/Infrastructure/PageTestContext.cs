using Bunit;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Infrastructure;

/// <summary>
/// bUnit for whole pages on the real app: bUnit's renderer, navigation and sign-in, and behind them
/// the app's own services (one scope of them) over its real SQLite file, so a page reads what the
/// API stored. Data goes in through <see cref="Api"/>, as an application sends it.
/// </summary>
public abstract class PageTestContext : MudTestContext
{
    private readonly IServiceScope _appScope;

    protected PageTestContext(FeedbackAppFactoryBase app)
    {
        App = app;
        Api = app.CreateApiClient();
        _appScope = app.Services.CreateScope();
        Services.AddSingleton<TimeProvider>(app.Clock);
        Services.AddSingleton(app.Services.GetRequiredService<LiveEvents>());
        Services.AddFallbackServiceProvider(_appScope.ServiceProvider);
    }

    protected FeedbackAppFactoryBase App { get; }

    /// <summary>The ingest key's client: every post waits until the pipeline has processed it.</summary>
    protected HttpClient Api { get; }

    /// <summary>Signs the page's person in with one role (the policies that role passes, as the app defines them).</summary>
    protected void SignInAs(string role)
    {
        Authorization.SetAuthorized($"{role.ToLowerInvariant()}@demo.local");
        Authorization.SetRoles(role);
        Authorization.SetPolicies(role switch
        {
            AppRoles.Admin => [AccessPolicies.Read, AccessPolicies.Review, AccessPolicies.Administer],
            AppRoles.Reviewer => [AccessPolicies.Read, AccessPolicies.Review],
            _ => [AccessPolicies.Read],
        });
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _appScope.Dispose();
            Api.Dispose();
        }
        base.Dispose(disposing);
    }
}
