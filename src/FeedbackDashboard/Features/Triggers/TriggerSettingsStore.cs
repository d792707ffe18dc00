using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Triggers;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Audit;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Triggers;

/// <summary>
/// The trigger options in force: an admin's saved settings, else configuration. Read through a
/// cache of a few seconds, so a change takes effect at once here and within seconds on other
/// instances, without a restart.
/// </summary>
public sealed class TriggerSettingsStore(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    IOptions<TriggerOptions> configured,
    AuditLog audit,
    TimeProvider time) : ITriggerOptionsSource
{
    private readonly SettingsCache<TriggerOptions> _cache = new(time);

    public ValueTask<TriggerOptions> GetAsync(CancellationToken cancellationToken = default) => _cache.GetAsync(async () =>
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var saved = await db.TriggerSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return saved is null ? Copy(configured.Value) : FromRow(saved);
    });

    public async Task<ValidationErrors> UpdateAsync(ClaimsPrincipal caller, TriggerOptions proposed, CancellationToken cancellationToken = default)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Admin);
        var errors = Validate(proposed);
        if (!errors.IsEmpty)
        {
            return errors;
        }

        var before = await GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.TriggerSettings.SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new TriggerSettings { UpdatedBy = actor };
            db.TriggerSettings.Add(row);
        }
        row.NegativeShareThreshold = proposed.NegativeShareThreshold;
        row.WindowSize = proposed.WindowSize;
        row.MinimumItems = proposed.MinimumItems;
        row.CountLowRatingsAsNegative = proposed.CountLowRatingsAsNegative;
        row.LowRatingMaximum = proposed.LowRatingMaximum;
        row.UpdatedAt = time.GetUtcNow();
        row.UpdatedBy = actor;
        audit.Record(db, actor, "triggers.updated", "triggers", before, proposed);
        await db.SaveChangesAsync(cancellationToken);
        _cache.Set(Copy(proposed));
        return errors;
    }

    /// <summary>Who changed the options, when, from what to what: newest first.</summary>
    public async Task<IReadOnlyList<AuditRecord>> HistoryAsync(ClaimsPrincipal caller, int count, CancellationToken cancellationToken = default)
    {
        CallerChecks.RequireRole(caller, AppRoles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await audit.RecentAsync(db, "triggers.", count, cancellationToken);
    }

    public static ValidationErrors Validate(TriggerOptions options)
    {
        var errors = new ValidationErrors();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames)
            {
                errors.Add(char.ToLowerInvariant(member[0]) + member[1..], result.ErrorMessage ?? "Not valid.");
            }
        }
        if (options.MinimumItems > options.WindowSize)
        {
            errors.Add("minimumItems", "The minimum cannot be larger than the window, or the rule never fires.");
        }
        return errors;
    }

    private static TriggerOptions FromRow(TriggerSettings row) => new()
    {
        NegativeShareThreshold = row.NegativeShareThreshold,
        WindowSize = row.WindowSize,
        MinimumItems = row.MinimumItems,
        CountLowRatingsAsNegative = row.CountLowRatingsAsNegative,
        LowRatingMaximum = row.LowRatingMaximum,
    };

    private static TriggerOptions Copy(TriggerOptions o) => new()
    {
        NegativeShareThreshold = o.NegativeShareThreshold,
        WindowSize = o.WindowSize,
        MinimumItems = o.MinimumItems,
        CountLowRatingsAsNegative = o.CountLowRatingsAsNegative,
        LowRatingMaximum = o.LowRatingMaximum,
    };
}
