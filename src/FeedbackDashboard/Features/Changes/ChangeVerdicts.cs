using FeedbackDashboard.Core.Changes;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Realtime;
using FeedbackDashboard.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Changes;

/// <summary>
/// Judges the changes still collecting and stores each verdict once it is final, announcing it as
/// a change.verdict webhook in the same transaction. The store is a claim (only a row not yet judged
/// is updated), so with several instances each verdict is stored and announced once.
/// </summary>
public sealed class ChangeVerdicts(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    ChangeJudge judge,
    WebhookOutbox outbox,
    ReviewNotifier notifier,
    TimeProvider time,
    ILogger<ChangeVerdicts> logger)
{
    private const int MaxEachRound = 200;

    /// <summary>Raised after verdicts were stored (the alert rules on worse changes listen).</summary>
    public event Action? Judged;

    /// <summary>Returns how many changes got their final verdict.</summary>
    public async Task<int> JudgeDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.Changes.AsNoTracking().Where(c => c.JudgedAt == null)
            .OrderBy(c => c.PublishedAt).Take(MaxEachRound).ToListAsync(cancellationToken);
        var judged = 0;
        var now = time.GetUtcNow();
        foreach (var change in due)
        {
            var reading = await judge.ReadAsync(db, change, now, cancellationToken);
            if (reading.IsFinal && await StoreAsync(db, change, reading, now, cancellationToken))
            {
                judged++;
            }
        }
        if (judged > 0)
        {
            outbox.Wake();
            Judged?.Invoke();
            await notifier.EvidenceChangedAsync();
        }
        return judged;
    }

    private async Task<bool> StoreAsync(FeedbackDbContext db, PublishedChange change, ChangeReading reading, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.TransactAsync(async token =>
        {
            var (before, after, effect) = (reading.Before, reading.After, reading.Effect);
            var claimed = await db.Changes.Where(c => c.Id == change.Id && c.JudgedAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Verdict, effect.Verdict)
                .SetProperty(c => c.BeforeTotal, before.Total)
                .SetProperty(c => c.BeforePositive, before.Positive)
                .SetProperty(c => c.BeforeNegative, before.Negative)
                .SetProperty(c => c.AfterTotal, after.Total)
                .SetProperty(c => c.AfterPositive, after.Positive)
                .SetProperty(c => c.AfterNegative, after.Negative)
                .SetProperty(c => c.Difference, effect.Difference)
                .SetProperty(c => c.Low, effect.Low)
                .SetProperty(c => c.High, effect.High)
                .SetProperty(c => c.JudgedAt, now), token);
            if (claimed == 0)
            {
                return (false, false);
            }
            var dto = ChangeDto.From(change, reading);
            await outbox.EnqueueAsync(db, WebhookEvents.ChangeVerdict, dto, dto.Text(), now, token);
            await db.SaveChangesAsync(token);
            logger.LogInformation("Change {Id} judged {Verdict}", change.Id, effect.Verdict);
            return (true, true);
        }, cancellationToken);
}
