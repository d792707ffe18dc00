using System.Globalization;
using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Core.Patterns;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace FeedbackDashboard.Features.Corrections;

/// <summary>
/// Groups near-identical corrections (by meaning, with the app's embedder) so that reviewers see how
/// many users sent the same thing. A correction joins the group whose first correction of the same
/// kind it is at least <see cref="Similarity"/> similar to, else starts one. Run by the pipeline.
/// </summary>
public sealed class CorrectionGrouper(IEmbeddingGenerator<string, Embedding<float>> embedder)
{
    /// <summary>Stricter than query patterns: two corrections are one only when they say the same thing.</summary>
    public const double Similarity = 0.85;
    private const int BatchSize = 256;

    private readonly Dictionary<CorrectionKind, SemanticPatternIndex> _groups = [];
    private long _loadedUpTo;

    /// <returns>How many corrections were grouped.</returns>
    public async Task<int> GroupPendingAsync(FeedbackDbContext db, CancellationToken cancellationToken)
    {
        var waiting = await db.Corrections.AsNoTracking().Where(c => c.GroupId == null).OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }
        await LoadGroupsAsync(db, cancellationToken);

        var patterns = await PatternsOfAsync(db, waiting, cancellationToken);
        var vectors = await embedder.EmbedAsync(waiting.Select(c => c.Text).ToList(), cancellationToken);
        for (var i = 0; i < waiting.Count; i++)
        {
            var correction = waiting[i];
            correction.Embedding = vectors[i];
            correction.PatternKey ??= correction.FeedbackId is { } id ? patterns.GetValueOrDefault(id) : null;
            var index = IndexFor(correction.Kind);
            if (index.Nearest(vectors[i], Similarity) is { } group)
            {
                correction.GroupId = long.Parse(group.Key, CultureInfo.InvariantCulture);
            }
            else
            {
                correction.GroupId = correction.Id;
                index.Add(correction.Id.ToString(CultureInfo.InvariantCulture), vectors[i]);
            }
        }
        foreach (var correction in waiting)
        {
            // Only where still ungrouped: another instance may have grouped it meanwhile.
            var (id, group, vector, pattern) = (correction.Id, correction.GroupId, correction.Embedding, correction.PatternKey);
            await db.Corrections.Where(c => c.Id == id && c.GroupId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.GroupId, group).SetProperty(c => c.Embedding, vector).SetProperty(c => c.PatternKey, pattern), cancellationToken);
        }
        _loadedUpTo = Math.Max(_loadedUpTo, waiting[^1].Id);
        return waiting.Count;
    }

    private static async Task<Dictionary<long, string?>> PatternsOfAsync(FeedbackDbContext db, List<Correction> corrections, CancellationToken cancellationToken)
    {
        var ids = corrections.Where(c => c.PatternKey is null && c.FeedbackId is not null).Select(c => c.FeedbackId!.Value).ToList();
        return ids.Count == 0
            ? []
            : await db.Feedback.Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.PatternKey, cancellationToken);
    }

    /// <summary>The groups started since the last look (by this instance or another).</summary>
    private async Task LoadGroupsAsync(FeedbackDbContext db, CancellationToken cancellationToken)
    {
        var heads = await db.Corrections.AsNoTracking()
            .Where(c => c.Id > _loadedUpTo && c.GroupId == c.Id && c.Embedding != null)
            .Select(c => new { c.Id, c.Kind, c.Embedding })
            .ToListAsync(cancellationToken);
        foreach (var head in heads)
        {
            IndexFor(head.Kind).Add(head.Id.ToString(CultureInfo.InvariantCulture), head.Embedding!);
        }
    }

    private SemanticPatternIndex IndexFor(CorrectionKind kind) =>
        _groups.TryGetValue(kind, out var index) ? index : _groups[kind] = new SemanticPatternIndex();
}
