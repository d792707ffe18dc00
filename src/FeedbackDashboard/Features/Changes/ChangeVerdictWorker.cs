using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Changes;

/// <summary>Looks at the changes still collecting every Changes:CheckSeconds, or sooner when woken.</summary>
public sealed class ChangeVerdictWorker(ChangeVerdicts verdicts, ChangeSignal signal, IOptions<ChangeOptions> options, ILogger<ChangeVerdictWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await verdicts.JudgeDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Judging the changes failed; trying again at the next round");
            }
            await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.CheckSeconds), stoppingToken);
        }
    }
}
