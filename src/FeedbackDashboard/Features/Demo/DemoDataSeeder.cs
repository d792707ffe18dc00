using System.Security.Claims;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Alerts;
using FeedbackDashboard.Features.Corrections;
using FeedbackDashboard.Features.Knowledge;
using FeedbackDashboard.Features.Loop;
using FeedbackDashboard.Features.Pipeline;
using FeedbackDashboard.Features.Review;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Identity;
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
    FeedbackPipeline pipeline,
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
        var reviewer = await DemoReviewerAsync(scope.ServiceProvider);
        var changes = reviewer is null ? null : DemoChanges.Create(scope.ServiceProvider, clock, reviewer);

        logger.LogInformation("Seeding {Days} days of demo feedback...", settings.SeedDays);
        var total = 0;
        for (var hour = settings.SeedDays * 24; hour > 0; hour--)
        {
            clock.Now = now.AddHours(-hour);
            if (changes is not null)
            {
                await changes.AtHourAsync(hour, cancellationToken);
            }
            clock.Now = clock.Now.AddMinutes(random.Next(60));
            var daysAgo = hour / 24;
            var volume = random.Next(ItemsPerHourMin, ItemsPerHourMax + 1) + (settings.SeedDays - daysAgo) / 10;
            var items = Enumerable.Range(0, volume).Select(_ => generator.Next(daysAgo)).ToList();
            await system.CollectFeedbackBatchAsync(items, cancellationToken);
            // The pipeline worker starts after the seeding; here it runs on the demo's clock, hour by hour.
            await pipeline.ProcessPendingAsync(clock, cancellationToken);
            total += items.Count;
            if (hour % 72 == 0)
            {
                logger.LogInformation("Demo data: {Total} feedback items so far ({Percent}%)", total, 100 - hour * 100 / (settings.SeedDays * 24));
            }
        }
        logger.LogInformation("Demo data: seeded {Total} feedback items", total);
        if (reviewer is not null)
        {
            await WorkTheQueueAsync(scope.ServiceProvider, reviewer, changes!, cancellationToken);
            await AddAlertRulesAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    /// <summary>The demo admin's alert rules, evaluated once the alert worker starts after the seeding.</summary>
    private static async Task AddAlertRulesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var admin = await DemoPrincipalAsync(services, AppRoles.Admin);
        var rules = services.GetRequiredService<AlertRules>();
        foreach (var rule in admin is null ? [] : DemoCatalog.AlertRules)
        {
            await rules.CreateAsync(admin!, rule, cancellationToken);
        }
    }

    /// <summary>The demo's reviewer, or null outside Development (no demo accounts).</summary>
    private static Task<ClaimsPrincipal?> DemoReviewerAsync(IServiceProvider services) => DemoPrincipalAsync(services, AppRoles.Reviewer);

    /// <summary>The demo account of a role, signed in, or null outside Development (no demo accounts).</summary>
    private static async Task<ClaimsPrincipal?> DemoPrincipalAsync(IServiceProvider services, string role)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(DemoAccounts.All.Single(a => a.Role == role).Email);
        return user is null
            ? null
            : new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.Email!), new Claim(ClaimTypes.Role, role)],
                "demo"));
    }

    /// <summary>A reviewer has been at work: the oldest task resolved, one dismissed, one claimed, so the queue has a history.</summary>
    private static async Task WorkTheQueueAsync(IServiceProvider services, ClaimsPrincipal principal, DemoChanges changes, CancellationToken cancellationToken)
    {
        var actions = services.GetRequiredService<ReviewActions>();
        var open = (await services.GetRequiredService<ReviewTaskQueries>()
                .ListAsync(new ReviewTaskFilter(ReviewTaskStatus.Open, PageSize: ReviewTaskFilter.MaxPageSize), withRelated: false, cancellationToken))
            .Items.OrderBy(t => t.CreatedAt).ToList();
        if (open.Count >= 3)
        {
            await actions.ResolveAsync(principal, open[0].Id, "Rewrote the answer template and checked it against the help centre.", cancellationToken);
            await actions.DismissAsync(principal, open[1].Id, "Complaints were about a known outage, not the answer.", cancellationToken);
            await actions.ClaimAsync(principal, open[2].Id, cancellationToken);
        }
        await WorkTheCorrectionsAsync(services, principal, changes, cancellationToken);
    }

    /// <summary>
    /// Published instructions for two applications (when the seeded days did not reach their day), one
    /// knowledge correction applied now (a change still collecting its evidence) and one behavior
    /// correction applied (a draft waiting to be reviewed and published).
    /// </summary>
    private static async Task WorkTheCorrectionsAsync(IServiceProvider services, ClaimsPrincipal reviewer, DemoChanges changes, CancellationToken cancellationToken)
    {
        if (!changes.InstructionsPublished)
        {
            await changes.PublishInstructionsAsync(cancellationToken);
        }
        var corrections = services.GetRequiredService<CorrectionActions>();
        var pending = (await services.GetRequiredService<CorrectionQueries>()
            .ListAsync(new CorrectionFilter(CorrectionStatus.Pending, PageSize: CorrectionFilter.MaxPageSize), cancellationToken)).Items;
        foreach (var kind in new[] { CorrectionKind.Knowledge, CorrectionKind.Behavior })
        {
            if (pending.OrderByDescending(c => c.SimilarCount).FirstOrDefault(c => c.Kind == kind) is { } correction)
            {
                await corrections.ApproveAsync(reviewer, correction.Id, withGroup: true, cancellationToken: cancellationToken);
                await corrections.ApplyAsync(reviewer, correction.Id, withGroup: true, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
