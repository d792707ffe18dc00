using FeedbackDashboard.Contracts;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Feedback;

public sealed class InteractionQueries(IDbContextFactory<FeedbackDbContext> contextFactory)
{
    /// <summary>The interaction with its metadata and its newest feedback, or null when there is none with that id.</summary>
    public async Task<InteractionDetailDto?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var interaction = await db.Interactions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (interaction is null)
        {
            return null;
        }
        var feedback = db.Feedback.AsNoTracking().Where(f => f.InteractionId == id);
        var count = await feedback.CountAsync(cancellationToken);
        var newest = await feedback.OrderByDescending(f => f.Id).Take(InteractionDetailDto.MaxFeedback).ToListAsync(cancellationToken);
        return InteractionDetailDto.From(interaction, count, newest);
    }
}
