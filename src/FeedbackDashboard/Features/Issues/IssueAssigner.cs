using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace FeedbackDashboard.Features.Issues;

/// <summary>
/// Puts new negative feedback into its issue as the pipeline processes it, so that the common
/// issues are live between full clusterings. Outside the transaction it embeds the batch's negative
/// comments (each distinct text once); inside, it stores those embeddings and joins each item to the
/// nearest issue centre that is close enough (<see cref="IssueAssignment"/>). The centres are cached
/// and read again whenever a clustering run (on any instance) has replaced them. Owned by the pipeline.
/// </summary>
public sealed class IssueAssigner(IEmbeddingGenerator<string, Embedding<float>> embedder)
{
    private long _generation = -1;
    private IReadOnlyList<IssueCentre> _centres = [];

    /// <summary>Negative feedback: the kinds the common issues are made of.</summary>
    public static bool IsNegative(FeedbackType type) => type is FeedbackType.ThumbsDown or FeedbackType.Correction;

    /// <summary>The vector each negative item of the batch is matched by: its comment's, else its question's.</summary>
    /// <param name="queryVectors">Question embeddings of the batch's interactions, where known.</param>
    public async Task<IssuePlan> PlanAsync(IReadOnlyList<UserFeedback> pending, IReadOnlyDictionary<string, float[]> queryVectors, CancellationToken cancellationToken)
    {
        var negative = pending.Where(f => IsNegative(f.Type)).ToList();
        var toEmbed = negative.Where(f => f.CommentEmbedding is null && !string.IsNullOrWhiteSpace(f.Comment))
            .Select(f => f.Comment!).Distinct(StringComparer.Ordinal).ToList();
        var embedded = await embedder.EmbedAsync(toEmbed, cancellationToken);
        var byComment = toEmbed.Select((text, i) => (text, i)).ToDictionary(x => x.text, x => embedded[x.i], StringComparer.Ordinal);

        var items = new List<IssueCandidate>();
        var newEmbeddings = new List<(long, float[])>();
        foreach (var feedback in negative)
        {
            float[]? vector;
            if (!string.IsNullOrWhiteSpace(feedback.Comment))
            {
                vector = feedback.CommentEmbedding ?? byComment[feedback.Comment];
                if (feedback.CommentEmbedding is null)
                {
                    newEmbeddings.Add((feedback.Id, vector));
                }
            }
            else
            {
                vector = queryVectors.GetValueOrDefault(feedback.InteractionId);
            }
            if (vector is not null)
            {
                items.Add(new IssueCandidate(feedback.Id, feedback.CreatedAt, feedback.Source, vector));
            }
        }
        return new IssuePlan(items, newEmbeddings);
    }

    /// <summary>Writes the plan into the caller's transaction; returns the issues that grew.</summary>
    public async Task<IReadOnlySet<long>> ApplyAsync(FeedbackDbContext db, IssuePlan plan, CancellationToken cancellationToken)
    {
        await IssueMembership.StoreCommentEmbeddingsAsync(db, plan.NewEmbeddings, cancellationToken);
        if (plan.Items.Count == 0)
        {
            return new HashSet<long>();
        }
        var centres = await CentresAsync(db, cancellationToken);
        var joins = new List<IssueJoin>();
        foreach (var item in plan.Items)
        {
            if (IssueAssignment.Nearest(centres, item.Vector) is { } issue)
            {
                joins.Add(new IssueJoin(item.FeedbackId, issue, item.CreatedAt, item.Source));
            }
        }
        return await IssueMembership.JoinAsync(db, joins, cancellationToken);
    }

    /// <summary>The current issues' centres, read again when the newest clustering run is not the one cached.</summary>
    private async Task<IReadOnlyList<IssueCentre>> CentresAsync(FeedbackDbContext db, CancellationToken cancellationToken)
    {
        var generation = await db.IssueRuns.MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0;
        if (generation != _generation)
        {
            _centres = (await db.IssueClusters.AsNoTracking().Where(c => c.IsCurrent && c.Centre != null)
                    .Select(c => new { c.Id, c.Centre, c.AssignThreshold }).ToListAsync(cancellationToken))
                .Select(c => new IssueCentre(c.Id, c.Centre!, c.AssignThreshold)).ToList();
            _generation = generation;
        }
        return _centres;
    }
}

/// <summary>A negative item of the batch with the vector it is matched by.</summary>
public sealed record IssueCandidate(long FeedbackId, DateTimeOffset CreatedAt, string Source, float[] Vector);

/// <summary>What <see cref="IssueAssigner.Plan"/> decided: the items to match, and the comment embeddings to store.</summary>
public sealed record IssuePlan(IReadOnlyList<IssueCandidate> Items, IReadOnlyList<(long FeedbackId, float[] Vector)> NewEmbeddings);
