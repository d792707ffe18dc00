using FeedbackDashboard.Features.Changes;
using FeedbackDashboard.Features.Shared;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Alerts;

/// <summary>
/// Evaluates the rules as feedback arrives: woken after each pipeline batch and each stored change
/// verdict, at most once every Alerts:MinIntervalMilliseconds, and every Alerts:IntervalSeconds
/// anyway (time windows move on without feedback).
/// </summary>
public sealed class AlertWorker : BackgroundService
{
    private readonly AlertEvaluator _evaluator;
    private readonly IOptions<AlertOptions> _options;
    private readonly ILogger<AlertWorker> _logger;
    private readonly WakeSignal _wake = new();

    public AlertWorker(AlertEvaluator evaluator, PipelineSignal pipeline, ChangeVerdicts verdicts, IOptions<AlertOptions> options, ILogger<AlertWorker> logger)
    {
        (_evaluator, _options, _logger) = (evaluator, options, logger);
        pipeline.BatchProcessed += Wake;
        verdicts.Judged += Wake;
    }

    public void Wake() => _wake.Wake();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _evaluator.EvaluateAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                _logger.LogWarning(e, "Evaluating the alert rules failed; trying again at the next round");
            }
            // Bursts of batches coalesce into one evaluation.
            await Task.Delay(TimeSpan.FromMilliseconds(_options.Value.MinIntervalMilliseconds), stoppingToken);
            await _wake.WaitAsync(TimeSpan.FromSeconds(_options.Value.IntervalSeconds), stoppingToken);
        }
    }
}
