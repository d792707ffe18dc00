using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Corrections;
using FeedbackDashboard.Features.Segments;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Feedback;

/// <summary>
/// Stores a set of feedback items in one transaction with their new interactions and the
/// aggregate increments. Returns only after the commit, so whatever it reports stored is durable.
/// Feedback on an interaction whose pattern is known takes it at once; the rest waits for the pipeline.
/// </summary>
public sealed class FeedbackWriter(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    InteractionFactory interactionFactory,
    AggregateUpdater aggregates,
    SegmentAggregator segments)
{
    private const int MaxAttempts = 3;

    // Compiled once: these two look-ups run in every group commit, and EF Core's per-call work on a
    // LINQ query (finding it in its cache by the expression) was ~50 µs of their ~0.23 ms there.
    private static readonly Func<FeedbackDbContext, List<string>, IAsyncEnumerable<UserFeedback>> FeedbackByClientIds =
        EF.CompileAsyncQuery((FeedbackDbContext db, List<string> ids) => db.Feedback.AsNoTracking().Where(f => ids.Contains(f.ClientId!)));

    private static readonly Func<FeedbackDbContext, List<string>, IAsyncEnumerable<Interaction>> InteractionsByIds =
        EF.CompileAsyncQuery((FeedbackDbContext db, List<string> ids) => db.Interactions.AsNoTracking().Where(x => ids.Contains(x.Id)));

    // SQLite takes one writer at a time. This instance's ingest writers (the group commit and batch
    // requests) queue here, asynchronously and in order, rather than polling in the busy handler
    // (SqliteBusyTimeout), where the next one to try wins. The pipeline and other instances still meet it.
    private readonly SemaphoreSlim _sqliteTurn = new(1, 1);

    public async Task<ActionOutcome<UserFeedback>[]> StoreAsync(IReadOnlyList<FeedbackItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStoreAsync(items, now, cancellationToken);
            }
            catch (Exception e) when (attempt < MaxAttempts && DbErrors.IsUniqueViolation(e))
            {
                // Another request stored one of these ids, interactions or aggregate rows first:
                // start again, and what it stored is now read as existing.
            }
        }
    }

    private async Task<ActionOutcome<UserFeedback>[]> TryStoreAsync(IReadOnlyList<FeedbackItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var validated = new ActionOutcome<UserFeedback>?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var errors = Validate(items[i]);
            if (!errors.IsEmpty)
            {
                validated[i] = new ActionOutcome<UserFeedback>.Invalid(errors);
            }
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var queued = db is SqliteFeedbackDbContext;
        if (queued)
        {
            await _sqliteTurn.WaitAsync(cancellationToken);
        }
        try
        {
            return await StoreInTransactionAsync(db, items, validated, now, cancellationToken);
        }
        finally
        {
            if (queued)
            {
                _sqliteTurn.Release();
            }
        }
    }

    private Task<ActionOutcome<UserFeedback>[]> StoreInTransactionAsync(FeedbackDbContext db, IReadOnlyList<FeedbackItem> items, ActionOutcome<UserFeedback>?[] validated,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        db.TransactAsync(async token =>
        {
            var outcomes = (ActionOutcome<UserFeedback>?[])validated.Clone();

            var clientIds = Pending(items, outcomes).Select(i => items[i].Submission.ClientId).OfType<string>().Distinct().ToList();
            var existing = new Dictionary<string, UserFeedback>(StringComparer.Ordinal);
            await foreach (var feedback in FeedbackByClientIds(db, clientIds).WithCancellation(token))
            {
                existing[feedback.ClientId!] = feedback;
            }
            var interactionIds = Pending(items, outcomes).Select(i => items[i].Submission.InteractionId).Distinct().ToList();
            var interactions = new Dictionary<string, Interaction>(StringComparer.Ordinal);
            await foreach (var interaction in InteractionsByIds(db, interactionIds).WithCancellation(token))
            {
                interactions[interaction.Id] = interaction;
            }

            var stored = new List<UserFeedback>();
            var created = new List<Interaction>();
            var storedByClientId = new Dictionary<string, UserFeedback>(StringComparer.Ordinal);
            foreach (var i in Pending(items, outcomes).ToList())
            {
                var (submission, inlineInteraction) = items[i];
                if (submission.ClientId is { } key
                    && (existing.TryGetValue(key, out var earlier) || storedByClientId.TryGetValue(key, out earlier)))
                {
                    outcomes[i] = submission.SameContentAs(earlier)
                        ? new ActionOutcome<UserFeedback>.Unchanged(earlier)
                        : new ActionOutcome<UserFeedback>.Conflict($"The id '{key}' was already used for different feedback.", Field: "id");
                    continue;
                }

                if (!interactions.TryGetValue(submission.InteractionId, out var interaction))
                {
                    if (inlineInteraction is null)
                    {
                        outcomes[i] = new ActionOutcome<UserFeedback>.NotFound("interactionId",
                            $"No interaction '{submission.InteractionId}'. Post it to /api/v1/interactions first, or send it as \"interaction\" in this body.");
                        continue;
                    }
                    interaction = interactionFactory.Create(inlineInteraction, now);
                    interactions[interaction.Id] = interaction;
                    created.Add(interaction);
                }

                var feedback = new UserFeedback
                {
                    ClientId = submission.ClientId ?? NewClientId(),
                    InteractionId = interaction.Id,
                    Type = submission.Type,
                    Rating = submission.Rating,
                    CorrectionText = submission.CorrectionText,
                    CorrectionKind = FeedbackRules.EffectiveCorrectionKind(submission),
                    Comment = submission.Comment,
                    CreatedAt = now,
                    PatternKey = interaction.PatternKey,
                    Source = interaction.Source,
                };
                stored.Add(feedback);
                storedByClientId[feedback.ClientId!] = feedback;
                outcomes[i] = new ActionOutcome<UserFeedback>.Done(feedback);
            }

            if (stored.Count > 0)
            {
                await FeedbackRows.InsertAsync(db, created, stored, cancellationToken);
                CorrectionInbox.AddFromFeedback(db, stored, interactions);
                await segments.ApplyAsync(db, stored, interactions, cancellationToken);
                await aggregates.ApplyAsync(db, stored, cancellationToken);
            }
            return (outcomes.Select(o => o!).ToArray(), stored.Count > 0);
        }, cancellationToken);

    private static IEnumerable<int> Pending(IReadOnlyList<FeedbackItem> items, ActionOutcome<UserFeedback>?[] outcomes) =>
        Enumerable.Range(0, items.Count).Where(i => outcomes[i] is null);

    private static ValidationErrors Validate(FeedbackItem item)
    {
        var errors = FeedbackRules.Validate(item.Submission);
        if (item.Interaction is { } interaction)
        {
            errors.AddRange(InteractionRules.Validate(interaction), "interaction.");
            if (interaction.Id != item.Submission.InteractionId)
            {
                errors.Add("interaction.id", "The interaction's id must equal interactionId.");
            }
        }
        return errors;
    }

    private static string NewClientId() => "fb_" + Guid.CreateVersion7().ToString("N");
}
