using FeedbackDashboard;
using FeedbackDashboard.Features.Shared;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args[1]);
}

return await DashboardApp.RunAsync(DashboardApp.Build(args));
