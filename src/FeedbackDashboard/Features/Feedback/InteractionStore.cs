using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Feedback;

/// <summary>Stores an interaction once: the same id again is a replay (same content) or a conflict (other content).</summary>
public sealed class InteractionStore(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    InteractionFactory interactionFactory,
    PipelineSignal pipeline,
    TimeProvider time)
{
    public async Task<ActionOutcome<Interaction>> RecordAsync(InteractionSubmission submission, CancellationToken cancellationToken = default)
    {
        var errors = InteractionRules.Validate(submission);
        if (!errors.IsEmpty)
        {
            return new ActionOutcome<Interaction>.Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await db.Interactions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == submission.Id, cancellationToken);
            if (existing is not null)
            {
                return submission.SameContentAs(existing)
                    ? new ActionOutcome<Interaction>.Unchanged(existing)
                    : new ActionOutcome<Interaction>.Conflict($"Interaction '{existing.Id}' already exists with different content.", Field: "id");
            }

            var interaction = interactionFactory.Add(db, submission, time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                pipeline.Wake();
                return new ActionOutcome<Interaction>.Done(interaction);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < 3)
            {
                db.ChangeTracker.Clear(); // the same id arrived concurrently: read it again
            }
        }
    }
}
