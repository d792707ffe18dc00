using System.Diagnostics;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Issues;
using FeedbackDashboard.Data;
using FeedbackDashboard.Embeddings;
using FeedbackDashboard.Features.Issues;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Bench;

/// <summary>
/// `bench/run.sh issues-scale N`: N negative items made from the Banking77 texts (<see cref="NegativeFeedbackFiller"/>),
/// stored as the product stores them, go through the product's full re-clustering (<see cref="IssueRecluster"/>):
/// its seconds and the process's peak memory, NMI and ARI against the texts' labels, beside the same run over
/// the 3,080 texts alone. Beside it, today's baseline: the newest Clustering:SampleSize items clustered in full.
/// Then new items join the issues as the pipeline joins them (<see cref="IssueAssigner"/>), beside a bare
/// nearest-centre loop over the same vectors.
/// </summary>
public static class IssuesScaleBenchmark
{
    private static readonly DateTimeOffset End = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private const int Days = 30;
    private const int LateItems = 50_000;
    private const int PipelineBatch = 1_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1_000_000;
        var options = new ClusteringOptions { SampleSize = Measure.Option(args, "--sample", new ClusteringOptions().SampleSize) };
        var (texts, categories) = LabelledCsv.Read(ClusteringBenchmark.DefaultFile);
        var names = categories.Distinct().ToList();
        var labels = categories.Select(c => names.IndexOf(c)).ToList();
        using var embedder = new MiniLmEmbedder();
        var vectors = embedder.Embed(texts);
        Console.WriteLine($"issues-scale: {texts.Count:N0} Banking77 texts, {names.Count} labels, embedded (not counted); sample {options.SampleSize:N0}");
        var clock = new FixedClock(End);
        var directory = Directory.CreateTempSubdirectory("feedback-issues-scale-");
        try
        {
            // The 3,080 texts alone, once each, through the same run.
            var smallDb = await BenchDatabase.CreateAsync(directory, "small.db");
            var smallGold = await new NegativeFeedbackFiller(smallDb, End, Days, seed: 1).FillAsync(texts, vectors, labels, texts.Count, vary: false);
            var (smallRun, smallSeconds) = await ReclusterAsync(smallDb, embedder, options, clock);
            var (nmiSmall, ariSmall) = await ScoreAsync(smallDb, smallGold);
            Console.WriteLine($"issues-scale: 3,080 texts: {smallRun.IssueCount} issues in {smallSeconds:0.00} s, {smallRun.AssignedCount:N0} placed | NMI {nmiSmall:0.000} ARI {ariSmall:0.000}");

            var db = await BenchDatabase.CreateAsync(directory, "scale.db");
            var filler = new NegativeFeedbackFiller(db, End, Days, seed: 2, Measure.Option(args, "--variants", NegativeFeedbackFiller.DefaultVariantShare),
                Measure.Option(args, "--noise", NegativeFeedbackFiller.DefaultNoise));
            var fill = Stopwatch.StartNew();
            var gold = await filler.FillAsync(texts, vectors, labels, count, vary: true,
                done => Console.Write($"\rissues-scale: writing {done:N0} of {count:N0} items ({done / fill.Elapsed.TotalSeconds:N0}/s)   "));
            Console.WriteLine();
            var distinct = await DistinctCommentsAsync(db);
            Console.WriteLine($"issues-scale: {count:N0} items, {distinct:N0} distinct texts, written in {fill.Elapsed.TotalSeconds:0.0} s (not counted)");

            var (baselineSeconds, baselineItems) = await TodaysClusteringAsync(db, options);
            Console.WriteLine($"issues-scale: baseline, today's clustering at its cap: the newest {baselineItems:N0} items in {baselineSeconds:0.00} s " +
                $"(n²: {baselineSeconds * Math.Pow((double)count / baselineItems, 2) / 3600:N1} h for all {count:N0} if it were not capped)");

            var (run, seconds, peakMb) = await ReclusterInOwnProcessAsync(db, options);
            var (nmi, ari) = await ScoreAsync(db, gold);
            Console.WriteLine($"issues-scale: full re-clustering of {run.ItemCount:N0} items: {seconds:0.00} s, peak {peakMb:N0} MB (a process of its own, with the model) | " +
                $"{run.IssueCount} issues, {run.AssignedCount:N0} placed, {1 - (double)run.AssignedCount / run.ItemCount:P1} unassigned | NMI {nmi:0.000} ARI {ari:0.000}");

            await filler.FillAsync(texts, vectors, labels, LateItems, vary: true);
            var (assignPerSecond, barePerSecond) = await AssignLateAsync(db, run);
            Console.WriteLine($"issues-scale: incremental assignment (pipeline batches of {PipelineBatch:N0}, in the database): {assignPerSecond:N0} items/s | baseline, bare nearest-centre loop: {barePerSecond:N0} items/s");

            Console.WriteLine();
            Console.WriteLine($"issues-scale.items = {count}");
            Console.WriteLine($"issues-scale.seconds = {Measure.Figure(seconds)}");
            Console.WriteLine($"issues-scale.peak_mb = {Measure.Figure(peakMb, 0)}");
            Console.WriteLine($"issues-scale.unassigned_share = {Measure.Figure(1 - (double)run.AssignedCount / run.ItemCount, 3)}");
            Console.WriteLine($"issues-scale.assign_per_s = {Measure.Figure(assignPerSecond, 0)}");
            Console.WriteLine($"issues-scale.assign_bare_per_s = {Measure.Figure(barePerSecond, 0)}");
            Console.WriteLine($"issues-scale.nmi = {Measure.Figure(nmi, 3)}");
            Console.WriteLine($"issues-scale.ari = {Measure.Figure(ari, 3)}");
            Console.WriteLine($"issues-scale.nmi_small = {Measure.Figure(nmiSmall, 3)}");
            Console.WriteLine($"issues-scale.ari_small = {Measure.Figure(ariSmall, 3)}");
            Console.WriteLine($"issues-scale.baseline_seconds = {Measure.Figure(baselineSeconds)}");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The measured run in a process of its own, as an app instance would run it: the peak memory is then the run's,
    /// not what this process kept from writing the items.
    /// </summary>
    private static async Task<(IssueRun Run, double Seconds, double PeakMb)> ReclusterInOwnProcessAsync(string db, ClusteringOptions options)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(IssuesScaleBenchmark).Assembly.Location);
        }
        foreach (var argument in new[] { RunCommand, db, options.SampleSize.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        using var child = Process.Start(start)!;
        string? result = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("result ", StringComparison.Ordinal))
            {
                result = line;
            }
            else
            {
                Console.WriteLine(line);
            }
        }
        await child.WaitForExitAsync();
        var parts = (result ?? throw new InvalidOperationException($"The run's process exited with {child.ExitCode} and no result.")).Split(' ');
        double Number(int i) => double.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture);
        var run = new IssueRun { ItemCount = (int)Number(3), AssignedCount = (int)Number(4), IssueCount = (int)Number(5), ClusteredCount = (int)Number(6) };
        return (run, Number(1), Number(2));
    }

    public const string RunCommand = "issues-scale-run";

    /// <summary>The child's side: one run over the database, then its seconds and peak memory on a line.</summary>
    public static async Task<int> RunOnceAsync(string[] args)
    {
        using var embedder = new MiniLmEmbedder();
        Console.WriteLine($"issues-scale:   the run's process: {PeakMemory.Megabytes():N0} MB at its peak after loading the model, before the run");
        var options = new ClusteringOptions { SampleSize = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) };
        var (run, seconds) = await ReclusterAsync(args[0], embedder, options, new FixedClock(End));
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"result {seconds} {PeakMemory.Megabytes()} {run.ItemCount} {run.AssignedCount} {run.IssueCount} {run.ClusteredCount}"));
        return 0;
    }

    private static async Task<(IssueRun Run, double Seconds)> ReclusterAsync(string db, MiniLmEmbedder embedder, ClusteringOptions options, TimeProvider clock)
    {
        var recluster = new IssueRecluster(new BenchContextFactory(db), embedder, options, clock);
        var watch = Stopwatch.StartNew();
        var lastPhase = "";
        var run = await recluster.RunAsync((phase, _) =>
        {
            if (phase != lastPhase)
            {
                Console.WriteLine($"issues-scale:   {watch.Elapsed.TotalSeconds,6:0.00} s {phase}");
                lastPhase = phase;
            }
        }, CancellationToken.None);
        return (run, watch.Elapsed.TotalSeconds);
    }

    /// <summary>NMI and ARI of the saved issues against the gold labels, every item counted (those in no issue together, as one group).</summary>
    private static async Task<(double Nmi, double Ari)> ScoreAsync(string connectionString, int[] gold)
    {
        await using var db = new BenchContextFactory(connectionString).CreateDbContext();
        var predicted = Enumerable.Repeat(-1, gold.Length).ToArray();
        var first = await db.Feedback.MinAsync(f => f.Id);
        await foreach (var member in db.IssueClusterMembers.Join(db.IssueClusters.Where(c => c.IsCurrent), m => m.IssueClusterId, c => c.Id, (m, _) => m).AsAsyncEnumerable())
        {
            if (member.FeedbackId - first < gold.Length)
            {
                predicted[member.FeedbackId - first] = (int)member.IssueClusterId;
            }
        }
        return (ClusteringMetrics.Nmi(gold, predicted), ClusteringMetrics.Ari(gold, predicted));
    }

    private static async Task<long> DistinctCommentsAsync(string connectionString)
    {
        await using var db = new BenchContextFactory(connectionString).CreateDbContext();
        return await db.Feedback.Select(f => f.Comment).Distinct().LongCountAsync();
    }

    /// <summary>Today's run before this change: the newest items up to the cap clustered in full, the n² part timed.</summary>
    private static async Task<(double Seconds, int Items)> TodaysClusteringAsync(string connectionString, ClusteringOptions options)
    {
        await using var db = new BenchContextFactory(connectionString).CreateDbContext();
        var newest = await db.Feedback.AsNoTracking().OrderByDescending(f => f.Id).Take(options.SampleSize)
            .Select(f => new { f.Comment, f.CommentEmbedding }).ToListAsync();
        var clusterer = new TextClusterer(new TextClustererOptions(MergeSimilarity: options.MergeSimilarity, NoiseMinSimilarity: options.NoiseMinSimilarity));
        var watch = Stopwatch.StartNew();
        clusterer.ClusterTexts(newest.Select(f => f.Comment!).ToList(), newest.Select(f => f.CommentEmbedding!).ToList());
        return (watch.Elapsed.TotalSeconds, newest.Count);
    }

    /// <summary>The late items join the issues in pipeline-sized batches, each in its transaction, as <see cref="IssueAssigner"/> does in the pipeline.</summary>
    private static async Task<(double PerSecond, double BarePerSecond)> AssignLateAsync(string connectionString, IssueRun run)
    {
        var contexts = new BenchContextFactory(connectionString);
        List<UserFeedback[]> batches;
        List<IssueCentre> centres;
        await using (var read = contexts.CreateDbContext())
        {
            var lastPlaced = await read.IssueClusterMembers.MaxAsync(m => m.FeedbackId);
            batches = (await read.Feedback.AsNoTracking().Where(f => f.Id > lastPlaced).OrderBy(f => f.Id).ToListAsync()).Chunk(PipelineBatch).ToList();
            centres = (await read.IssueClusters.AsNoTracking().Where(c => c.IsCurrent).ToListAsync()).Select(c => new IssueCentre(c.Id, c.Centre!, c.AssignThreshold)).ToList();
        }
        var items = batches.Sum(b => b.Length);

        var bare = Stopwatch.StartNew();
        var joined = 0;
        foreach (var feedback in batches.SelectMany(b => b))
        {
            joined += IssueAssignment.Nearest(centres, feedback.CommentEmbedding) is null ? 0 : 1;
        }
        var barePerSecond = items / bare.Elapsed.TotalSeconds;

        var assigner = new IssueAssigner(new NoEmbeddings());
        var noQuestions = new Dictionary<string, float[]>();
        var watch = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            var plan = await assigner.PlanAsync(batch, noQuestions, CancellationToken.None);
            await using var db = contexts.CreateDbContext();
            await db.TransactAsync(async token => await assigner.ApplyAsync(db, plan, token), CancellationToken.None);
        }
        var perSecond = items / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"issues-scale: {items:N0} late items, {joined:N0} joined an issue ({run.IssueCount} issues)");
        return (perSecond, barePerSecond);
    }

    /// <summary>The late items bring their comment embeddings, as the pipeline has them: nothing is embedded here.</summary>
    private sealed class NoEmbeddings : Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>
    {
        public Task<Microsoft.Extensions.AI.GeneratedEmbeddings<Microsoft.Extensions.AI.Embedding<float>>> GenerateAsync(IEnumerable<string> values,
            Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            values.Any() ? throw new InvalidOperationException("The benchmark's late items all have embeddings.") : Task.FromResult(new Microsoft.Extensions.AI.GeneratedEmbeddings<Microsoft.Extensions.AI.Embedding<float>>());

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
