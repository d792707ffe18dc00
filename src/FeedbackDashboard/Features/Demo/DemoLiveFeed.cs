using FeedbackDashboard.Features.Loop;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Demo;

/// <summary>Keeps fresh feedback arriving (about one item a second) through the same service the API calls.</summary>
internal sealed class DemoLiveFeed(
    IServiceScopeFactory scopeFactory,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoLiveFeed> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var generator = new DemoFeedbackGenerator(new Random());
        using var timer = new PeriodicTimer(options.Value.LiveInterval, time);
        logger.LogInformation("Demo live feed: posting feedback every {Interval}", options.Value.LiveInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var system = scope.ServiceProvider.GetRequiredService<HumanFeedbackSystem>();
                await system.CollectFeedbackBatchAsync([generator.Next(daysAgo: 0)], stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Demo live feed: an item failed; trying again next tick");
            }
        }
    }
}
