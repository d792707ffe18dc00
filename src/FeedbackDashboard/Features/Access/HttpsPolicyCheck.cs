namespace FeedbackDashboard.Features.Access;

/// <summary>Stops the start (exit code 2, the message saying what to set) when the HTTPS plan cannot work.</summary>
internal sealed class HttpsPolicyCheck(HttpsPlan plan) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        plan.Problem is { } problem ? throw new BootstrapException(problem) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
