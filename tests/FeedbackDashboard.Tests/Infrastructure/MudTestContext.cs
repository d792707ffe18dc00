using Bunit;
using Bunit.TestDoubles;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Realtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace FeedbackDashboard.Tests.Infrastructure;

/// <summary>One bUnit context for Mud components: Mud services, loose JS interop, no transitions, a fixed clock, a signed-in reviewer, live events.</summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>What the instance's notifier would hand to the open pages.</summary>
    protected void Push(LiveEvent live) => Services.GetRequiredService<LiveEvents>().Deliver(live);

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    protected MudTestContext()
    {
        Services.AddMudServices(options => options.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<LiveEvents>();
        Services.AddScoped<FeedbackDashboard.Components.Shared.LiveUpdates>();
        Services.AddLogging();
        // A reviewer by default: live tasks reach the Review policy, the rest the Read policy.
        Authorization = AddAuthorization();
        Authorization.SetAuthorized("reviewer@demo.local");
        Authorization.SetRoles(AppRoles.Reviewer);
        Authorization.SetPolicies(AccessPolicies.Read, AccessPolicies.Review);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's PopoverService is only IAsyncDisposable; xunit 2 disposes synchronously.
    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
