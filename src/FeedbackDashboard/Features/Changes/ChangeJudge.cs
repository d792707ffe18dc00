using FeedbackDashboard.Core.Changes;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Changes;

/// <summary>What a change did so far: both sides' counts and the verdict.</summary>
/// <param name="Capped">The time cap passed before both sides had N items: judged on what came.</param>
public sealed record ChangeReading(SideCounts Before, SideCounts After, ChangeEffect Effect, bool Capped)
{
    public bool IsFinal => Effect.Verdict != ChangeVerdict.Collecting;
}

/// <summary>
/// Counts the N items before and the N after a change on what it touched, from the feedback rows
/// (at most N a side, walking an index), and judges them (ADR-014). Positive: a thumbs-up or a rating
/// of 4 or 5. Negative: a thumbs-down, a correction, a rating of 1 or 2. A rating of 3 counts in neither share.
/// </summary>
public sealed class ChangeJudge(IOptions<ChangeOptions> options)
{
    public int ItemsEachSide => options.Value.ItemsEachSide;

    public async Task<ChangeReading> ReadAsync(FeedbackDbContext db, PublishedChange change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var n = options.Value.ItemsEachSide;
        var cap = TimeSpan.FromDays(options.Value.MaxDays);
        var touched = Touched(db, change);
        var start = change.PublishedAt - cap;
        var end = change.PublishedAt + cap;
        var before = await touched.Where(f => f.CreatedAt >= start && f.CreatedAt < change.PublishedAt)
            .OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id).Take(n)
            .Select(f => new { f.Type, f.Rating }).ToListAsync(cancellationToken);
        var after = await touched.Where(f => f.CreatedAt >= change.PublishedAt && f.CreatedAt < end)
            .OrderBy(f => f.CreatedAt).ThenBy(f => f.Id).Take(n)
            .Select(f => new { f.Type, f.Rating }).ToListAsync(cancellationToken);
        var beforeCounts = Count(before.Select(f => (f.Type, f.Rating)));
        var afterCounts = Count(after.Select(f => (f.Type, f.Rating)));

        var effect = ChangeEvaluation.Judge(beforeCounts, afterCounts, n);
        var capped = effect.Verdict == ChangeVerdict.Collecting && now >= end;
        if (capped)
        {
            // The cap passed: judge on what came. Fewer items make a wider interval, so a thin side reads no_change.
            effect = beforeCounts.Total > 0 && afterCounts.Total > 0
                ? ChangeEvaluation.Judge(beforeCounts, afterCounts, Math.Min(beforeCounts.Total, afterCounts.Total))
                : new ChangeEffect(ChangeVerdict.NoChange, 0, null, null, null);
        }
        return new ChangeReading(beforeCounts, afterCounts, effect, capped);
    }

    /// <summary>The reading stored once the verdict was final.</summary>
    public static ChangeReading Stored(PublishedChange change, int itemsEachSide) => new(
        new SideCounts(change.BeforeTotal, change.BeforePositive, change.BeforeNegative),
        new SideCounts(change.AfterTotal, change.AfterPositive, change.AfterNegative),
        new ChangeEffect(change.Verdict!.Value, 0, change.Difference, change.Low, change.High),
        Capped: change.BeforeTotal < itemsEachSide || change.AfterTotal < itemsEachSide);

    private static IQueryable<UserFeedback> Touched(FeedbackDbContext db, PublishedChange change)
    {
        var feedback = db.Feedback.AsNoTracking();
        if (change.WholeSource)
        {
            return feedback.Where(f => f.Source == change.Source);
        }
        var patterns = change.PatternKeys;
        feedback = feedback.Where(f => patterns.Contains(f.PatternKey!));
        return change.Source is null ? feedback : feedback.Where(f => f.Source == change.Source);
    }

    public static SideCounts Count(IEnumerable<(FeedbackType Type, int? Rating)> items)
    {
        int total = 0, positive = 0, negative = 0;
        foreach (var (type, rating) in items)
        {
            total++;
            switch (type)
            {
                case FeedbackType.ThumbsUp:
                case FeedbackType.Rating when rating >= 4:
                    positive++;
                    break;
                case FeedbackType.ThumbsDown:
                case FeedbackType.Correction:
                case FeedbackType.Rating when rating <= 2:
                    negative++;
                    break;
            }
        }
        return new SideCounts(total, positive, negative);
    }
}
