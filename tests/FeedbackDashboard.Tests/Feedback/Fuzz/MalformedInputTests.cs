using System.Net;
using System.Text.Json.Nodes;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace FeedbackDashboard.Tests.Feedback.Fuzz;

/// <summary>
/// Thousands of generated bad bodies against the ingest endpoints: every answer is 400, 413 or 415
/// with ProblemDetails (400s name the fields), never a 500, and the database is exactly as before.
/// The rate limit is off so that the flood is judged on its content alone.
/// </summary>
public class MalformedInputTests(MalformedInputTests.UnlimitedAppFactory app) : IClassFixture<MalformedInputTests.UnlimitedAppFactory>
{
    public sealed class UnlimitedAppFactory : FeedbackAppFactoryBase
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("RateLimiting:IngestPermitsPerSecond", "0");
    }

    private static readonly HttpStatusCode[] Refusals =
        [HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType];

    [Fact]
    public async Task FeedbackEndpoint_RefusesEveryMalformedBody_AndStoresNothing()
    {
        var bodies = new MalformedBodies(seed: 9);
        await AssertAllRefusedAsync("/api/v1/feedback", bodies.Feedback(2_000));

        // The bodies the bad ones were made from are good: the refusals came from the mutations.
        foreach (var type in new[] { "positive", "negative", "rating", "correction" })
        {
            var response = await app.CreateApiClient(settle: false).PostJsonAsync("/api/v1/feedback", bodies.ValidFeedback(type));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        await app.WaitForPipelineAsync(); // so that the next test starts from a still database
    }

    [Fact]
    public async Task InteractionsEndpoint_RefusesEveryMalformedBody_AndStoresNothing()
    {
        var bodies = new MalformedBodies(seed: 19);
        await AssertAllRefusedAsync("/api/v1/interactions", bodies.Interactions(800));

        var response = await app.CreateApiClient(settle: false).PostJsonAsync("/api/v1/interactions", bodies.ValidInteraction());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await app.WaitForPipelineAsync();
    }

    [Fact]
    public async Task BatchEndpoint_RefusesMalformedBodies_AndEveryMalformedItem_AndStoresNothing()
    {
        var client = app.CreateApiClient(settle: false);
        var before = await CountRowsAsync();
        var failures = new List<string>();
        var items = 0;
        var bodies = new MalformedBodies(seed: 29);

        foreach (var (body, everyItemBad) in bodies.Batches(400))
        {
            var response = await client.SendAsync(Post("/api/v1/feedback/batch", body));
            if (everyItemBad && response.StatusCode == HttpStatusCode.OK)
            {
                var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                var results = answer["items"]!.AsArray();
                items += results.Count;
                var accepted = results.Where(r => (int)r!["status"]! != 400 || r["errors"]?.AsObject().Count is null or 0).ToList();
                if (accepted.Count > 0 || (int)answer["stored"]! != 0)
                {
                    failures.Add($"{body}\n  -> {accepted.FirstOrDefault()?.ToJsonString()}");
                }
                continue;
            }
            if (await DescribeUnlessRefusedAsync(response) is { } problem)
            {
                failures.Add($"{body}\n  -> {problem}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} accepted or mishandled:\n{string.Join("\n", failures.Take(10))}");
        Assert.True(items > 1_000, $"Only {items} bad items were sent inside batches.");
        Assert.Equal(before, await CountRowsAsync());

        var good = await client.PostJsonAsync("/api/v1/feedback/batch", new { items = new[] { bodies.ValidFeedback(), bodies.ValidFeedback() } });
        Assert.Equal(2, (int)(await good.ReadJsonAsync())["stored"]!);
        await app.WaitForPipelineAsync();
    }

    private async Task AssertAllRefusedAsync(string url, IEnumerable<BadBody> bodies)
    {
        var client = app.CreateApiClient(settle: false);
        var before = await CountRowsAsync();
        var failures = new List<string>();
        var sent = 0;

        foreach (var body in bodies)
        {
            sent++;
            var response = await client.SendAsync(Post(url, body));
            if (await DescribeUnlessRefusedAsync(response) is { } problem)
            {
                failures.Add($"{body}\n  -> {problem}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} accepted or mishandled:\n{string.Join("\n", failures.Take(10))}");
        Assert.Equal(before, await CountRowsAsync());
    }

    private static HttpRequestMessage Post(string url, BadBody body)
    {
        var content = new ByteArrayContent(body.Bytes);
        if (body.ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
        }
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    }

    /// <summary>Null when the answer is a proper refusal: 400 naming fields, or 413/415, all as ProblemDetails.</summary>
    private static async Task<string?> DescribeUnlessRefusedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!Refusals.Contains(response.StatusCode))
        {
            return $"{(int)response.StatusCode} {text}";
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{(int)response.StatusCode} as {response.Content.Headers.ContentType?.MediaType}: {text}";
        }
        var problem = JsonNode.Parse(text)!.AsObject();
        if ((int?)problem["status"] != (int)response.StatusCode || problem["title"] is null)
        {
            return $"not a complete ProblemDetails: {text}";
        }
        if (response.StatusCode == HttpStatusCode.BadRequest && problem["errors"]?.AsObject() is not { Count: > 0 })
        {
            return $"400 without the fields at fault: {text}";
        }
        return null;
    }

    /// <summary>Rows in every table the API could write to (the app's own key and lease bookkeeping aside).</summary>
    private async Task<Dictionary<string, long>> CountRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' " +
                               "AND name NOT IN ('__EFMigrationsHistory', 'DataProtectionKeys', 'Leases')";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        Assert.Contains("Feedback", counts.Keys);
        return counts;
    }
}
