using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedbackDashboard.Features.Access;

/// <summary>
/// A setting found wrong while the services were registered. Registration cannot stop the app with a
/// clear message, so each problem is registered and <see cref="ConfigurationProblemsCheck"/>, the first
/// hosted service, stops the start with all of them (exit code 2).
/// </summary>
public sealed record ConfigurationProblem(string Message)
{
    public static void Register(IServiceCollection services, string message)
    {
        services.AddSingleton(new ConfigurationProblem(message));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ConfigurationProblemsCheck>());
    }
}

internal sealed class ConfigurationProblemsCheck(IEnumerable<ConfigurationProblem> problems) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        problems.Any() ? throw new BootstrapException(string.Join(" ", problems.Select(p => p.Message))) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
