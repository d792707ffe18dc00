using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace FeedbackDashboard.Tests.Infrastructure;

/// <summary>One bUnit context for Mud components: Mud services, loose JS interop, no transitions, a fixed clock.</summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    protected MudTestContext()
    {
        Services.AddMudServices(options => options.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddScoped<FeedbackDashboard.Components.Shared.LiveUpdates>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's PopoverService is only IAsyncDisposable; xunit 2 disposes synchronously.
    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
