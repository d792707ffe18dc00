using FeedbackDashboard.Core.Changes;
using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Core.Knowledge;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Changes;

/// <summary>
/// Records every publish as a change, inside the publisher's transaction, with the patterns it
/// touched and the review task that led to it, so its effect can be judged later.
/// </summary>
public sealed class ChangeRecorder(ChangeSignal signal)
{
    /// <summary>How far back the patterns of a source are gathered for an instructions change.</summary>
    private static readonly TimeSpan SourcePatternsFor = TimeSpan.FromDays(30);

    public async Task RecordKnowledgeAsync(FeedbackDbContext db, KnowledgeEntry entry, KnowledgeEntryVersion version, Correction correction, string actor,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var patterns = new[] { correction.PatternKey, entry.PatternKey }.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        db.Changes.Add(new PublishedChange
        {
            Kind = ChangeKind.Knowledge,
            Source = entry.Source,
            PatternKeys = patterns,
            Title = Fit($"Knowledge: {entry.Title} (version {version.Version})"),
            KnowledgeEntryVersionId = version.Id,
            ReviewTaskId = correction.ReviewTaskId ?? await TaskOfAsync(db, patterns, now, cancellationToken),
            PublishedBy = actor,
            PublishedAt = now,
        });
        signal.Wake();
    }

    public async Task RecordInstructionsAsync(FeedbackDbContext db, InstructionsVersion version, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = DateOnly.FromDateTime(now.Add(-SourcePatternsFor).UtcDateTime);
        var patterns = await db.PatternDailyAggregates.AsNoTracking()
            .Where(a => a.Source == version.Source && a.Day >= since)
            .GroupBy(a => a.PatternKey).OrderByDescending(g => g.Sum(a => a.Total)).Select(g => g.Key)
            .Take(PublishedChange.MaxPatternKeys).ToListAsync(cancellationToken);
        var corrections = await db.Corrections.AsNoTracking().Where(c => c.AppliedInstructionsVersionId == version.Id)
            .Select(c => new { c.ReviewTaskId, c.PatternKey }).ToListAsync(cancellationToken);
        var taskId = corrections.Select(c => c.ReviewTaskId).FirstOrDefault(id => id is not null)
            ?? await TaskOfAsync(db, corrections.Select(c => c.PatternKey).OfType<string>().ToList(), now, cancellationToken);
        db.Changes.Add(new PublishedChange
        {
            Kind = ChangeKind.Instructions,
            Source = version.Source,
            PatternKeys = patterns,
            WholeSource = true,
            Title = Fit($"Instructions for {version.Source}: version {version.Version}"),
            InstructionsVersionId = version.Id,
            ReviewTaskId = taskId,
            PublishedBy = actor,
            PublishedAt = now,
        });
        signal.Wake();
    }

    /// <summary>The newest review task raised on one of the patterns before the publish: the one that led to it.</summary>
    private static async Task<long?> TaskOfAsync(FeedbackDbContext db, List<string> patterns, DateTimeOffset now, CancellationToken cancellationToken) =>
        patterns.Count == 0
            ? null
            : await db.ReviewTasks.AsNoTracking().Where(t => patterns.Contains(t.PatternKey) && t.CreatedAt <= now)
                .OrderByDescending(t => t.Id).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken);

    private static string Fit(string text) => text.Length <= PublishedChange.MaxTitleLength ? text : text[..(PublishedChange.MaxTitleLength - 1)] + "…";
}
