using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FeedbackDashboard.Features.Access;
using Microsoft.Playwright;

namespace FeedbackDashboard.Bench;

/// <summary>
/// `bench/run.sh circuit [--pages 20] [--tasks 200]`: the server's managed memory per open review-queue
/// page (its Blazor circuit) with that many tasks on it: the real app (Release, its own process),
/// Debian's chromium opening the pages, the heap compared after a full collection. The baseline in the
/// same run: the same number of Live feed pages (a small interactive page).
/// </summary>
public static class CircuitBenchmark
{
    private const string Chromium = "/usr/bin/chromium";

    public static async Task<int> RunAsync(string[] args)
    {
        var pageCount = Measure.Option(args, "--pages", 20);
        var taskCount = Measure.Option(args, "--tasks", 200);
        await using var app = await AppProcess.StartAsync(("RateLimiting__IngestPermitsPerSecond", "0"));
        using var api = app.CreateApiClient();
        await SeedTasksAsync(api, taskCount);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        var reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString() });
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync("/Account/Login");
        await signIn.FillAsync("input[name='Input.Email']", reviewer.Email);
        await signIn.FillAsync("input[name='Input.Password']", reviewer.Password);
        await signIn.ClickAsync("button[type=submit]");
        await signIn.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await signIn.CloseAsync();

        var feedKb = await KbPerPageAsync(api, context, pageCount, "/live", page => page.Locator("[data-circuit=live]").WaitForAsync());
        var queueKb = await KbPerPageAsync(api, context, pageCount, "/review",
            // The grid holds every task and draws the rows in view (it virtualizes).
            page => page.Locator("tr.mud-table-row").First.WaitForAsync(new() { Timeout = 60_000 }));

        Console.WriteLine($"circuit: baseline, a Live feed page: {feedKb:N0} KB of managed heap each ({pageCount} pages)");
        Console.WriteLine($"circuit: a review-queue page with {taskCount} tasks: {queueKb:N0} KB each ({pageCount} pages); {queueKb / Math.Max(1, feedKb):0.0} times the baseline");
        Console.WriteLine();
        Console.WriteLine($"circuit.kb_per_page = {Measure.Figure(queueKb, 0)}");
        Console.WriteLine($"circuit.baseline_kb_per_page = {Measure.Figure(feedKb, 0)}");
        return 0;
    }

    private static async Task SeedTasksAsync(HttpClient api, int tasks)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, tasks), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (t, ct) =>
        {
            for (var n = 0; n < 5; n++)
            {
                var id = $"circuit-{t}-{n}";
                (await api.PostAsJsonAsync("/api/v1/feedback", new
                {
                    id, interactionId = id, type = "negative",
                    interaction = new { id, query = $"Circuit question number {t}: where is my order?", response = "An answer.", source = "bench-circuit", pattern = $"circuit-{t}" },
                }, ct)).EnsureSuccessStatusCode();
            }
        });
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while ((int)(await api.GetFromJsonAsync<JsonObject>("/api/v1/review-tasks?pageSize=1"))!["totalCount"]! < tasks)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The tasks were not raised.");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Opens the pages, waits until each is drawn, and compares the server's heap with and without them.</summary>
    private static async Task<double> KbPerPageAsync(HttpClient api, IBrowserContext context, int count, string url, Func<IPage, Task> ready)
    {
        var before = await HeapAsync(api);
        var pages = new List<IPage>();
        for (var i = 0; i < count; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(url);
            await page.Locator("[data-circuit=live]").WaitForAsync(new() { Timeout = 60_000 });
            await ready(page);
            pages.Add(page);
        }
        await Task.Delay(1_000);
        var with = await HeapAsync(api);
        foreach (var page in pages)
        {
            await page.CloseAsync();
        }
        return (with - before) / 1024.0 / count;
    }

    private static async Task<long> HeapAsync(HttpClient api)
    {
        var samples = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            samples.Add((long)(await api.GetFromJsonAsync<JsonObject>(BenchHost.HeapPath))!["bytes"]!);
        }
        return samples.Min();
    }
}
