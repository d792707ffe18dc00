using System.Security.Claims;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Audit;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Segments;

/// <summary>
/// The segment keys in force: an admin's saved settings, else configuration. Cached for a few
/// seconds, like the trigger options, so a change applies here at once and on other instances within seconds.
/// A key added counts feedback from then on; the aggregates are never rebuilt from raw feedback.
/// </summary>
public sealed class SegmentSettingsStore(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    IOptions<SegmentOptions> configured,
    AuditLog audit,
    TimeProvider time)
{
    private readonly SettingsCache<SegmentOptions> _cache = new(time);

    public ValueTask<SegmentOptions> GetAsync(CancellationToken cancellationToken = default) => _cache.GetAsync(async () =>
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var saved = await db.SegmentSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return saved is null ? Copy(configured.Value) : new SegmentOptions { Keys = [.. saved.Keys], MaxValues = saved.MaxValues };
    });

    public async Task<ValidationErrors> UpdateAsync(ClaimsPrincipal caller, SegmentOptions proposed, CancellationToken cancellationToken = default)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Admin);
        var errors = Validate(proposed);
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var before = await GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.SegmentSettings.SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new SegmentSettings { UpdatedBy = actor };
            db.SegmentSettings.Add(row);
        }
        row.Keys = [.. proposed.Keys];
        row.MaxValues = proposed.MaxValues;
        row.UpdatedAt = time.GetUtcNow();
        row.UpdatedBy = actor;
        audit.Record(db, actor, "segments.updated", "segments", before, proposed);
        await db.SaveChangesAsync(cancellationToken);
        _cache.Set(Copy(proposed));
        return errors;
    }

    public static ValidationErrors Validate(SegmentOptions options)
    {
        var errors = new ValidationErrors();
        if (options.Keys.Count > SegmentOptions.MaxKeys)
        {
            errors.Add("keys", $"At most {SegmentOptions.MaxKeys} keys are aggregated.");
        }
        if (options.Keys.Any(k => string.IsNullOrWhiteSpace(k) || k.Length > Interaction.MaxMetadataKeyLength || k != k.Trim()))
        {
            errors.Add("keys", $"Each key is a metadata key of at most {Interaction.MaxMetadataKeyLength} characters, without spaces around it.");
        }
        if (options.Keys.Distinct(StringComparer.Ordinal).Count() != options.Keys.Count)
        {
            errors.Add("keys", "A key is listed twice.");
        }
        if (options.MaxValues is < 2 or > 200)
        {
            errors.Add("maxValues", "Between 2 and 200 values a key.");
        }
        return errors;
    }

    private static SegmentOptions Copy(SegmentOptions o) => new() { Keys = [.. o.Keys], MaxValues = o.MaxValues };
}
