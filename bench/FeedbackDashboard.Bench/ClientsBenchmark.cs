using System.Diagnostics;
using System.Text.Json;
using FeedbackDashboard.Client;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Bench;

/// <summary>
/// `bench/run.sh clients`: each client (.NET in this process, Python and TypeScript as their own processes) sends
/// N interactions with feedback into one dashboard instance as fast as the caller makes them, through its
/// queue and batches. Figures: items delivered a second (first call to flush done), checked against the
/// database; and the median cost of one send-feedback call to the caller, beside the same loop without the
/// call (the bare loop: the timer's own cost), measured in the same run.
/// </summary>
public static class ClientsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = Measure.Option(args, "--items", 50_000);
        // An ingest-only instance (Pipeline:Enabled=false; another instance's pipeline would process what it
        // stores): what is measured is the client and the store, not the pipeline's embedding, whose
        // growing backlog made runs of the same client differ twofold.
        await using var app = await AppProcess.StartAsync(("RateLimiting__IngestPermitsPerSecond", "0"), ("Pipeline__Enabled", "false"));
        var repository = RepositoryRoot();
        Console.WriteLine($"clients: {count:N0} interactions with feedback each, into one instance (SQLite, Release)");
        // The server's batch path JIT-compiled and its pipeline started before anything is timed.
        var warmUp = await DotnetAsync(app, Math.Max(1_000, count / 10));
        Console.WriteLine($"clients: warm-up through the .NET client: {warmUp.PerSecond:N0} items/s (not counted)");

        await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund"], Path.Combine(repository, "clients", "typescript"));
        await RunProcessAsync("npm", ["run", "build"], Path.Combine(repository, "clients", "typescript"));
        var results = new Dictionary<string, ClientRun>
        {
            ["python"] = await ExternalAsync("python3", [Path.Combine(repository, "clients", "python", "bench_client.py")], app, count, "python"),
            ["typescript"] = await ExternalAsync("node", [Path.Combine(repository, "clients", "typescript", "bench", "bench.mjs")], app, count, "typescript"),
            ["dotnet"] = await DotnetAsync(app, count),
        };

        await using (var db = app.OpenDatabase())
        {
            foreach (var (name, run) in results)
            {
                var stored = await db.Feedback.CountAsync(f => f.Source == run.Source);
                Console.WriteLine(
                    $"clients: {name}: {run.PerSecond:N0} items/s ({run.Delivered:N0} delivered, {run.Dropped} dropped, {stored:N0} stored); " +
                    $"a call {run.CallMicroseconds:0.00} µs median | bare loop {run.BareMicroseconds:0.00} µs");
                if (stored != count || run.Dropped != 0)
                {
                    throw new InvalidOperationException($"{name}: {stored} of {count} stored, {run.Dropped} dropped");
                }
            }
        }

        Console.WriteLine();
        foreach (var (name, run) in results)
        {
            Console.WriteLine($"clients.{name}_per_s = {Measure.Figure(run.PerSecond, 0)}");
        }
        foreach (var (name, run) in results)
        {
            Console.WriteLine($"clients.{name}_call_us = {Measure.Figure(run.CallMicroseconds)}");
        }
        foreach (var (name, run) in results)
        {
            Console.WriteLine($"clients.{name}_bare_us = {Measure.Figure(run.BareMicroseconds, 3)}");
        }
        return 0;
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public int Requests;
        public double Milliseconds;
        public long Bytes;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            Bytes += request.Content?.Headers.ContentLength ?? 0;
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            Milliseconds += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Requests++;
            return response;
        }
    }

    private sealed record ClientRun(string Source, double PerSecond, double CallMicroseconds, double BareMicroseconds, long Delivered, long Dropped);

    private static async Task<ClientRun> DotnetAsync(AppProcess app, int count)
    {
        var source = "bench-dotnet-" + Guid.NewGuid().ToString("N")[..6];
        var counting = new CountingHandler(new SocketsHttpHandler());
        var client = new FeedbackClient(new HttpClient(counting), new FeedbackClientOptions { BaseUrl = app.Address, ApiKey = AppProcess.ApiKey, MaxQueueSize = 4 * count });
        var calls = new double[count];
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var interaction = $"{source}-{i}";
            await client.RecordInteractionAsync(interaction, "How do I reset my password?", "Go to Settings.", source);
            var before = Stopwatch.GetTimestamp();
            await client.SendFeedbackAsync(interaction, i % 4 == 0 ? FeedbackType.Negative : FeedbackType.Positive);
            calls[i] = Stopwatch.GetElapsedTime(before).TotalMicroseconds;
            if (i % 1_000 == 999)
            {
                await Task.Yield(); // as the Node harness does: a request loop yields between requests
            }
        }
        var produced = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await client.FlushAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine($"clients: dotnet: produced in {produced:0.00} s; {counting.Requests} requests, {counting.Milliseconds / counting.Requests:0.0} ms each, {counting.Bytes / counting.Requests / 1024:0} KB each");
        var bare = new double[count];
        for (var i = 0; i < count; i++)
        {
            var before = Stopwatch.GetTimestamp();
            bare[i] = Stopwatch.GetElapsedTime(before).TotalMicroseconds;
        }
        var run = new ClientRun(source, count / elapsed, Median(calls), Median(bare), client.Delivered, client.Dropped);
        await client.DisposeAsync();
        return run;
    }

    private static async Task<ClientRun> ExternalAsync(string program, string[] arguments, AppProcess app, int count, string name)
    {
        var source = $"bench-{name}-" + Guid.NewGuid().ToString("N")[..6];
        var output = await RunProcessAsync(program, [.. arguments, app.Address.ToString(), AppProcess.ApiKey, source, count.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            Path.GetDirectoryName(arguments[0])!);
        using var figures = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = figures.RootElement;
        return new ClientRun(source, root.GetProperty("per_s").GetDouble(), root.GetProperty("call_us").GetDouble(), root.GetProperty("bare_us").GetDouble(),
            root.GetProperty("delivered").GetInt64(), root.GetProperty("dropped").GetInt64());
    }

    private static async Task<string> RunProcessAsync(string program, string[] arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
        return await output;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return values[values.Length / 2];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FeedbackDashboard.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Run it from the repository: bench/run.sh clients.");
    }
}
