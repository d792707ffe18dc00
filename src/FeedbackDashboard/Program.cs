using FeedbackDashboard.Components;
using FeedbackDashboard.Components.Account;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features;
using FeedbackDashboard.Features.Demo;
using MudBlazor.Services;
using Scalar.AspNetCore;

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

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}
// The API answers with ProblemDetails of its own; only pages get the HTML not-found page.
app.UseWhen(
    context => !context.Request.Path.StartsWithSegments(ApiEndpoints.ApiPrefix),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealth();
app.MapFeedbackApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();

app.Run();
