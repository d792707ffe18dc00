using FeedbackDashboard.Core.Embeddings;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Core.Patterns;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Pipeline;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Patterns;

/// <summary>
/// Gives interactions their query pattern: the application's key when it sent one, else the
/// nearest pattern by meaning when it is similar enough, else a new pattern with this query as its
/// representative. Owned by the pipeline, which calls it one batch at a time.
/// </summary>
public sealed class PatternAssigner(IEmbeddingGenerator<string, Embedding<float>> embedder, IOptionsMonitor<PatternOptions> options)
{
    private const int MaxCachedQueries = 50_000;

    private readonly SemanticPatternIndex _index = new();
    private readonly Dictionary<string, float[]> _recentQueries = new(StringComparer.Ordinal);
    // A question asked again is compared only with the patterns made since it was last asked: comparing
    // each batch's queries with every pattern was most of the pipeline's planning time at thousands of patterns.
    private readonly Dictionary<string, NearestSearch> _searches = new(StringComparer.Ordinal);
    private DateTimeOffset? _loadedUpTo;
    private bool _representativesEmbedded;

    /// <summary>
    /// Decides every interaction's pattern, embedding the queries not seen before, without writing:
    /// this is the slow part, kept outside the transaction so that ingest never waits on it.
    /// </summary>
    public async Task<PatternPlan> PlanAsync(FeedbackDbContext db, IReadOnlyList<Interaction> interactions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EmbedRepresentativesAsync(db, cancellationToken);
        await LoadNewPatternsAsync(db, cancellationToken);
        var vectors = await EmbedAsync(interactions, cancellationToken);
        var threshold = options.CurrentValue.SimilarityThreshold;

        var keys = new string[interactions.Count];
        var created = new List<QueryPattern>();
        for (var i = 0; i < interactions.Count; i++)
        {
            var interaction = interactions[i];
            if (interaction.RequestedPattern is { Length: > 0 } requested && requested.Trim().Length > 0)
            {
                keys[i] = PatternKeys.FromApplication(requested);
                if (!_index.Contains(keys[i]) && created.All(p => p.Key != keys[i]))
                {
                    created.Add(NewPattern(keys[i], interaction, vectors[i], now, fromApplication: true));
                }
                continue;
            }

            var search = _index.Search(vectors[i], _searches.TryGetValue(interaction.Query, out var earlier) ? earlier : null);
            if (_searches.Count >= MaxCachedQueries)
            {
                _searches.Clear();
            }
            _searches[interaction.Query] = search;
            if (_index.Neighbour(search, threshold) is { } nearest)
            {
                keys[i] = nearest.Key;
                continue;
            }
            keys[i] = PatternKeys.FromQuery(interaction.Query);
            var pattern = NewPattern(keys[i], interaction, vectors[i], now, fromApplication: false);
            created.Add(pattern);
            // Later queries of the same batch may join it.
            _index.Add(pattern.Key, vectors[i]);
        }
        return new PatternPlan(interactions, keys, vectors, created);
    }

    /// <summary>
    /// Writes the plan into the caller's transaction: new patterns (unless another writer made them
    /// first), then each assignment only where the interaction still has no pattern, so that two
    /// instances working on the same interaction cannot both assign it. The interactions in the plan
    /// end up with the key they have in the database.
    /// </summary>
    public async Task ApplyAsync(FeedbackDbContext db, PatternPlan plan, CancellationToken cancellationToken)
    {
        var newKeys = plan.Created.Select(p => p.Key).ToList();
        var existing = await db.QueryPatterns.Where(p => newKeys.Contains(p.Key)).Select(p => p.Key).ToListAsync(cancellationToken);
        db.QueryPatterns.AddRange(plan.Created.Where(p => !existing.Contains(p.Key)));
        await db.SaveChangesAsync(cancellationToken);
        var assigned = await PatternRows.AssignInteractionsAsync(db,
            plan.Interactions.Select((interaction, i) => (interaction.Id, plan.Keys[i], (float[]?)plan.Vectors[i])).ToList(), cancellationToken);
        for (var i = 0; i < plan.Interactions.Count; i++)
        {
            var id = plan.Interactions[i].Id;
            plan.Interactions[i].PatternKey = assigned[i]
                ? plan.Keys[i]
                : await db.Interactions.Where(x => x.Id == id).Select(x => x.PatternKey).SingleAsync(cancellationToken);
        }
    }

    /// <summary>After a failed transaction the patterns this instance planned may not exist: read them from the database again.</summary>
    public void Forget()
    {
        _index.Clear();
        _loadedUpTo = null;
    }

    /// <summary>Patterns made before patterns had embeddings get one, so that new questions can join them by meaning.</summary>
    private async Task EmbedRepresentativesAsync(FeedbackDbContext db, CancellationToken cancellationToken)
    {
        if (_representativesEmbedded)
        {
            return;
        }
        var legacy = await db.QueryPatterns.Where(p => !p.FromApplication && p.Embedding == null).ToListAsync(cancellationToken);
        if (legacy.Count > 0)
        {
            var vectors = await embedder.EmbedAsync(legacy.Select(p => p.RepresentativeQuery).ToList(), cancellationToken);
            for (var i = 0; i < legacy.Count; i++)
            {
                legacy[i].Embedding = vectors[i];
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        _representativesEmbedded = true;
    }

    /// <summary>The semantic patterns made since the last look, by this instance or another.</summary>
    private async Task LoadNewPatternsAsync(FeedbackDbContext db, CancellationToken cancellationToken)
    {
        // A minute's overlap catches patterns another instance committed with a slightly earlier clock.
        var since = _loadedUpTo?.AddMinutes(-1);
        var query = db.QueryPatterns.AsNoTracking().Where(p => !p.FromApplication && p.Embedding != null);
        if (since is { } from)
        {
            query = query.Where(p => p.CreatedAt >= from);
        }
        foreach (var pattern in await query.OrderBy(p => p.CreatedAt).Select(p => new { p.Key, p.Embedding, p.CreatedAt }).ToListAsync(cancellationToken))
        {
            _index.Add(pattern.Key, pattern.Embedding!);
            _loadedUpTo = _loadedUpTo is { } upTo && upTo > pattern.CreatedAt ? upTo : pattern.CreatedAt;
        }
    }

    /// <summary>Each distinct query is embedded once: a stored embedding, one of a recent query, or the model.</summary>
    private async Task<float[][]> EmbedAsync(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken)
    {
        var vectors = new float[interactions.Count][];
        var missing = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < interactions.Count; i++)
        {
            if (interactions[i].QueryEmbedding is { } stored)
            {
                vectors[i] = stored;
            }
            else if (_recentQueries.TryGetValue(interactions[i].Query, out var recent))
            {
                vectors[i] = recent;
            }
            else if (seen.Add(interactions[i].Query))
            {
                missing.Add(interactions[i].Query);
            }
        }
        if (missing.Count > 0)
        {
            if (_recentQueries.Count + missing.Count > MaxCachedQueries)
            {
                _recentQueries.Clear();
            }
            var embedded = await embedder.EmbedAsync(missing, cancellationToken);
            for (var m = 0; m < missing.Count; m++)
            {
                _recentQueries[missing[m]] = embedded[m];
            }
            for (var i = 0; i < interactions.Count; i++)
            {
                vectors[i] ??= _recentQueries[interactions[i].Query];
            }
        }
        return vectors;
    }

    private static QueryPattern NewPattern(string key, Interaction interaction, float[] vector, DateTimeOffset now, bool fromApplication) => new()
    {
        Key = key,
        RepresentativeQuery = interaction.Query.Trim(),
        CreatedAt = now,
        FromApplication = fromApplication,
        Embedding = vector,
    };
}

/// <summary>What <see cref="PatternAssigner.PlanAsync"/> decided: a key and an embedding per interaction, and the patterns to create.</summary>
public sealed record PatternPlan(IReadOnlyList<Interaction> Interactions, string[] Keys, float[][] Vectors, IReadOnlyList<QueryPattern> Created);
