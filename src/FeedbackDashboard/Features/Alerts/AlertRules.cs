using System.Security.Claims;
using FeedbackDashboard.Core.Alerts;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Audit;
using FeedbackDashboard.Features.Shared;
using FeedbackDashboard.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Alerts;

/// <summary>The admins' alert rules and their history. Every change is audited and evaluated at once.</summary>
public sealed class AlertRules(IDbContextFactory<FeedbackDbContext> contextFactory, AlertReader reader, AuditLog audit, WebhookOutbox outbox, TimeProvider time)
{
    /// <summary>Each rule is evaluated after every pipeline batch: their number is kept to what that can afford.</summary>
    public const int MaxRules = 100;

    private const string Deleted = "deleted";

    /// <summary>Raised after a rule was created, changed or deleted: the worker evaluates at once.</summary>
    public event Action? Edited;

    public async Task<IReadOnlyList<AlertRuleDto>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rules = await db.AlertRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return rules.Select(AlertRuleDto.From).ToList();
    }

    /// <summary>The rules firing now, for the dashboard (any signed-in person).</summary>
    public async Task<IReadOnlyList<AlertRuleDto>> FiringAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rules = await db.AlertRules.AsNoTracking().Where(r => r.Firing && r.Enabled).OrderByDescending(r => r.FiredAt).ToListAsync(cancellationToken);
        return rules.Select(AlertRuleDto.From).ToList();
    }

    public async Task<IReadOnlyList<AlertEventDto>> EventsAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var events = await db.AlertEvents.AsNoTracking().OrderByDescending(e => e.Id).Take(count).ToListAsync(cancellationToken);
        return events.Select(AlertEventDto.From).ToList();
    }

    /// <summary>What the rule measures now (its window may not be full: then null), for the Admin page.</summary>
    public async Task<double?> CurrentValueAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rule = await db.AlertRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return rule is null ? null : (await reader.ReadAsync(db, rule, time.GetUtcNow(), cancellationToken)).Value;
    }

    public async Task<ActionOutcome<AlertRuleDto>> CreateAsync(ClaimsPrincipal caller, AlertRuleRequest request, CancellationToken cancellationToken = default)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Admin);
        var errors = request.Validate(out var metric);
        if (!errors.IsEmpty)
        {
            return new ActionOutcome<AlertRuleDto>.Invalid(errors);
        }
        var now = time.GetUtcNow();
        var rule = new AlertRule { Name = "", CreatedBy = actor, CreatedAt = now, UpdatedAt = now };
        request.CopyTo(rule, metric);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.AlertRules.CountAsync(cancellationToken) >= MaxRules)
        {
            return new ActionOutcome<AlertRuleDto>.Conflict($"There are {MaxRules} rules already, the most there may be; delete one first.");
        }
        db.AlertRules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(db, actor, "alert_rule.created", Subject(rule.Id), after: AlertRuleDto.From(rule));
        await db.SaveChangesAsync(cancellationToken);
        Edited?.Invoke();
        return new ActionOutcome<AlertRuleDto>.Done(AlertRuleDto.From(rule));
    }

    /// <summary>Replaces the rule's definition; a changed rule starts again from not firing, so it fires afresh if its new condition holds.</summary>
    public async Task<ActionOutcome<AlertRuleDto>> UpdateAsync(ClaimsPrincipal caller, long id, AlertRuleRequest request, CancellationToken cancellationToken = default)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Admin);
        var errors = request.Validate(out var metric);
        if (!errors.IsEmpty)
        {
            return new ActionOutcome<AlertRuleDto>.Invalid(errors);
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rule = await db.AlertRules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return new ActionOutcome<AlertRuleDto>.NotFound("id", $"No alert rule {id}.");
        }
        var before = AlertRuleDto.From(rule);
        var wasFiring = rule.Firing;
        await ResolveIfFiringAsync(db, rule, "changed", cancellationToken);
        request.CopyTo(rule, metric);
        rule.Firing = false;
        rule.UpdatedAt = time.GetUtcNow();
        audit.Record(db, actor, "alert_rule.updated", Subject(id), before, AlertRuleDto.From(rule));
        await db.SaveChangesAsync(cancellationToken);
        if (wasFiring)
        {
            outbox.Wake();
        }
        Edited?.Invoke();
        return new ActionOutcome<AlertRuleDto>.Done(AlertRuleDto.From(rule));
    }

    public async Task<ActionOutcome<bool>> DeleteAsync(ClaimsPrincipal caller, long id, CancellationToken cancellationToken = default)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rule = await db.AlertRules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null)
        {
            return new ActionOutcome<bool>.NotFound("id", $"No alert rule {id}.");
        }
        var wasFiring = rule.Firing;
        await ResolveIfFiringAsync(db, rule, Deleted, cancellationToken);
        db.AlertRules.Remove(rule);
        audit.Record(db, actor, "alert_rule.deleted", Subject(id), AlertRuleDto.From(rule));
        await db.SaveChangesAsync(cancellationToken);
        if (wasFiring)
        {
            outbox.Wake();
        }
        return new ActionOutcome<bool>.Done(true);
    }

    /// <summary>
    /// A firing rule that is changed, turned off or deleted ends its alert with <c>alert.resolved</c>, so a
    /// receiver that opened an incident on <c>alert.fired</c> can close it (the history of a deleted rule goes with it).
    /// </summary>
    private async Task ResolveIfFiringAsync(FeedbackDbContext db, AlertRule rule, string what, CancellationToken cancellationToken)
    {
        if (!rule.Firing)
        {
            return;
        }
        var now = time.GetUtcNow();
        await AlertHistory.RecordAsync(db, outbox, rule, fired: false, rule.LastValue, $"Alert \"{rule.Name}\" resolved: the rule was {what} while it fired.", now,
            cancellationToken, reason: "rule_" + what, keepLine: what != Deleted);
        rule.ResolvedAt = now;
    }

    private static string Subject(long id) => $"alert-rules/{id}";
}
