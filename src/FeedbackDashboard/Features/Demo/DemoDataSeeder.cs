using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Demo;

/// <summary>
/// Fills an empty database with a month of feedback from three AI applications, some patterns
/// going bad along the way, through <see cref="HumanFeedbackSystem"/> itself, so the aggregates
/// and review tasks are what the real loop makes of it. Runs after the migrator.
/// </summary>
internal sealed class DemoDataSeeder(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<FeedbackDbContext> contextFactory,
    IOptions<DemoOptions> options,
    TimeProvider time,
    ILogger<DemoDataSeeder> logger) : IHostedService
{
    private const int ItemsPerHourMin = 2;
    private const int ItemsPerHourMax = 9;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Feedback.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        var settings = options.Value;
        var random = new Random(settings.RandomSeed);
        var generator = new DemoFeedbackGenerator(random);
        var now = time.GetUtcNow();
        var clock = new DemoClock(now.AddDays(-settings.SeedDays));

        await using var scope = scopeFactory.CreateAsyncScope();
        var system = ActivatorUtilities.CreateInstance<HumanFeedbackSystem>(scope.ServiceProvider, (TimeProvider)clock);

        logger.LogInformation("Seeding {Days} days of demo feedback...", settings.SeedDays);
        var total = 0;
        for (var hour = settings.SeedDays * 24; hour > 0; hour--)
        {
            clock.Now = now.AddHours(-hour).AddMinutes(random.Next(60));
            var daysAgo = hour / 24;
            var volume = random.Next(ItemsPerHourMin, ItemsPerHourMax + 1) + (settings.SeedDays - daysAgo) / 10;
            var items = Enumerable.Range(0, volume).Select(_ => generator.Next(daysAgo)).ToList();
            await system.CollectFeedbackBatchAsync(items, cancellationToken);
            total += items.Count;
            if (hour % 72 == 0)
            {
                logger.LogInformation("Demo data: {Total} feedback items so far ({Percent}%)", total, 100 - hour * 100 / (settings.SeedDays * 24));
            }
        }
        logger.LogInformation("Demo data: seeded {Total} feedback items", total);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
