using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Features.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Pipeline;

/// <summary>
/// Runs the pipeline whenever ingest announces committed feedback, and every few seconds in case
/// something is pending that it was not told about. Starts once the app has started, so that the
/// demo seeder (which drives the pipeline itself, on its own clock) has finished.
/// </summary>
public sealed class FeedbackPipelineWorker(
    FeedbackPipeline pipeline,
    PipelineSignal signal,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    PipelineMetrics metrics,
    IOptionsMonitor<PipelineOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<FeedbackPipelineWorker> logger) : BackgroundService
{
    private static readonly TimeSpan BackoffAfterFailure = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Enabled)
        {
            logger.LogInformation("The feedback pipeline is off on this instance (Pipeline:Enabled=false); another instance processes the queue");
            return;
        }
        await WhenStartedAsync(stoppingToken);
        await WarmUpAsync();
        while (!stoppingToken.IsCancellationRequested)
        {
            signal.Drain();
            try
            {
                await pipeline.ProcessPendingAsync(time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The items stay pending in the database; the next round takes them again.
                logger.LogError(e, "The feedback pipeline failed; retrying");
                metrics.Failed(e.Message);
                await Task.Delay(BackoffAfterFailure, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                continue;
            }
            await signal.WaitAsync(TimeSpan.FromSeconds(options.CurrentValue.SweepSeconds), time, stoppingToken);
        }
    }

    /// <summary>Loads the model now rather than in the first feedback item's wake (about a second).</summary>
    private async Task WarmUpAsync()
    {
        try
        {
            await embedder.EmbedAsync(["warm-up"]);
        }
        catch (Exception e)
        {
            logger.LogError(e, "The embedding model failed to load; query patterns wait until it does");
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }
    }
}
