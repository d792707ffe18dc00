using FeedbackDashboard.Components;
using FeedbackDashboard.Components.Account;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features;
using FeedbackDashboard.Features.Demo;
using FeedbackDashboard.Features.Shared;
using MudBlazor.Services;
using Scalar.AspNetCore;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args[1]);
}

var builder = WebApplication.CreateBuilder(DemoSwitches.Remove(args));

builder.AddFeedbackData();
builder.AddFeedbackIdentity();
builder.AddFeedbackLoop();
builder.AddDemoData(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseFeedbackErrorHandling();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealth();
app.MapFeedbackApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();

await app.RunAsync();
return 0;
