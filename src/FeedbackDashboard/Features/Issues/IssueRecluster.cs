using FeedbackDashboard.Core.Insights;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace FeedbackDashboard.Features.Issues;

/// <summary>
/// One full clustering run over every negative item of the window, linear in the items:
/// <list type="number">
/// <item>read them all once (<see cref="NegativeCorpus"/>), each distinct text kept once;</item>
/// <item>embed the distinct texts that have no vector yet;</item>
/// <item>cluster a uniform sample of <see cref="ClusteringOptions.SampleSize"/> items (the n² part, bounded);</item>
/// <item>place every distinct text, and so every item: a sampled text stays where the clusterer put it, any other
/// joins its nearest issue when as close as the clusterer asks of the texts it left out (Clustering:NoiseMinSimilarity), else stays unassigned;</item>
/// <item>save (<see cref="IssueRunWriter"/>).</item>
/// </list>
/// The service around it holds the lease, reports status and tells the pages; the benchmark runs it alone.
/// </summary>
public sealed class IssueRecluster(
    IDbContextFactory<FeedbackDbContext> contextFactory,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    ClusteringOptions options,
    TimeProvider time)
{
    private const int ProgressEvery = 10_000;
    private const int EmbeddingSlices = 10;

    private readonly TextClusterer _clusterer = new(new TextClustererOptions(
        MergeSimilarity: options.MergeSimilarity, NoiseMinSimilarity: options.NoiseMinSimilarity));

    /// <param name="progress">A phase's name and the run's share done (0 to 1).</param>
    public async Task<IssueRun> RunAsync(Action<string, double> progress, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var window = InsightWindow.LastDays(options.WindowDays, startedAt);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var expected = Math.Max(1, await new IssueQueries(contextFactory).CountNegativeAsync(window, null, cancellationToken));

        var corpus = new NegativeCorpus(options.SampleSize);
        await foreach (var item in NegativeItems.AllAsync(db, window).WithCancellation(cancellationToken))
        {
            corpus.Add(item);
            if (corpus.Items.Count % ProgressEvery == 0)
            {
                progress("reading feedback", 0.4 * Math.Min(1, (double)corpus.Items.Count / expected));
            }
        }
        await EmbedMissingAsync(corpus, (done, total) => progress("embedding", 0.4 + 0.2 * done / Math.Max(1, total)), cancellationToken);

        progress("clustering", 0.6);
        var sample = corpus.Sample.Order().Select(corpus.ToNegativeItem).ToList();
        var groups = _clusterer.ClusterTexts(sample.Select(i => i.Text).ToList(), sample.Select(i => i.Vector!).ToList(), cancellationToken).Labels
            .Select((label, index) => (label, index))
            .Where(x => x.label >= 0)
            .GroupBy(x => x.label, x => x.index)
            .Select(g => g.ToList())
            .Where(g => g.Count > 1)
            .OrderByDescending(g => g.Count)
            .ToList();
        var drafts = await IssueDraft.AllAsync(groups.Select(g => (IReadOnlyList<NegativeItem>)g.Select(i => sample[i]).ToList()).ToList(),
            async (phrases, token) => (await embedder.GenerateAsync(phrases, cancellationToken: token)).Select(e => e.Vector.ToArray()).ToList(), cancellationToken);

        progress("placing every item", 0.75);
        var issueOfItem = Place(corpus, groups.Select(g => g.Select(i => sample[i]).ToList()).ToList(), drafts, options.NoiseMinSimilarity, cancellationToken);

        progress("saving", 0.85);
        return await new IssueRunWriter(db).SaveAsync(drafts, corpus, issueOfItem, window, startedAt, time, cancellationToken);
    }

    /// <summary>The issue (index into <paramref name="drafts"/>) of every item of the corpus, -1 for none.</summary>
    private static int[] Place(NegativeCorpus corpus, IReadOnlyList<List<NegativeItem>> groups, IReadOnlyList<IssueDraft> drafts, double minSimilarity,
        CancellationToken cancellationToken)
    {
        var textIssue = new int[corpus.Texts.Count];
        Array.Fill(textIssue, int.MinValue);
        var sampledIds = new Dictionary<long, int>();
        for (var k = 0; k < groups.Count; k++)
        {
            groups[k].ForEach(item => sampledIds[item.Id] = k);
        }
        foreach (var item in corpus.Items.Where(i => sampledIds.ContainsKey(i.Id)))
        {
            textIssue[item.Text] = sampledIds[item.Id];
        }
        // The clusterer's own rule for the texts it left out (NoiseMinSimilarity), not the stricter live threshold:
        // a text outside the sample lands where it would have landed inside it.
        var centres = drafts.Select((d, k) => new IssueCentre(k, d.Centre, minSimilarity)).ToList();
        Parallel.For(0, textIssue.Length, new ParallelOptions { CancellationToken = cancellationToken }, text =>
        {
            if (textIssue[text] == int.MinValue)
            {
                textIssue[text] = corpus.HasVector(text) && IssueAssignment.Nearest(centres, corpus.VectorOf(text)) is { } issue ? (int)issue : -1;
            }
        });
        return corpus.Items.Select(item => textIssue[item.Text]).ToArray();
    }

    /// <summary>Embeds each distinct text read without a vector, in slices that report progress.</summary>
    private async Task EmbedMissingAsync(NegativeCorpus corpus, Action<int, int> progress, CancellationToken cancellationToken)
    {
        var missing = corpus.TextsWithoutVector();
        var slice = Math.Max(1, (missing.Count + EmbeddingSlices - 1) / EmbeddingSlices);
        for (var start = 0; start < missing.Count; start += slice)
        {
            progress(start, missing.Count);
            var part = missing.Skip(start).Take(slice).ToList();
            var vectors = await embedder.EmbedAsync(part.Select(t => corpus.Texts[t]).ToList(), cancellationToken);
            for (var k = 0; k < part.Count; k++)
            {
                corpus.SetVector(part[k], vectors[k]);
            }
        }
    }
}
