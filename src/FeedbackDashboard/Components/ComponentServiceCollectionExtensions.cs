using FeedbackDashboard.Components.Shared;
using MudBlazor.Services;

namespace FeedbackDashboard.Components;

public static class ComponentServiceCollectionExtensions
{
    /// <summary>The interactive Blazor UI: Razor components, MudBlazor, and the circuit's live updates.</summary>
    public static IHostApplicationBuilder AddDashboardComponents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<LiveUpdates>();
        builder.Services.AddScoped<Account.IdentityRedirectManager>();
        return builder;
    }
}
