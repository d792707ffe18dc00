using FeedbackDashboard.Components;
using FeedbackDashboard.Components.Account;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Demo;
using FeedbackDashboard.Features.Shared;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Scalar.AspNetCore;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args[1]);
}

var builder = WebApplication.CreateBuilder(DemoSwitches.Remove(args));

builder.AddFeedbackData();
builder.AddFeedbackAccess();
builder.AddFeedbackLoop();
builder.AddDemoData(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseFeedbackErrorHandling();
if (!app.Environment.IsDevelopment() && app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.RequireHttps)
{
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference().AllowAnonymous();
app.MapHealth();
app.MapFeedbackApi();
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
