using System.Net;
using FeedbackDashboard.Data;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Operations;

/// <summary>
/// The disk fills up: SQLite's max_page_count caps the database at its current size, as a full disk
/// would. The API answers 503, keeps every item it acknowledged, stays up, and takes writes again
/// by itself once there is room.
/// </summary>
public class DiskFullTests(DiskFullTests.QuotaAppFactory app) : IClassFixture<DiskFullTests.QuotaAppFactory>
{
    /// <summary>Caps every connection the app opens at a number of pages, while set.</summary>
    /// <summary>Caps every connection the app opens at a number of pages, while set (pooled connections keep the cap, so it is set on every open).</summary>
    public sealed class SqliteDiskQuota : SqliteConnectionSetup
    {
        private const long Unlimited = 4_294_967_294;
        private long _maxPages = Unlimited;

        public void Fill(long pages) => Interlocked.Exchange(ref _maxPages, pages);

        public void Free() => Interlocked.Exchange(ref _maxPages, Unlimited);

        protected override void Apply(SqliteConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA max_page_count = {Interlocked.Read(ref _maxPages)};";
            command.ExecuteNonQuery();
        }
    }

    public sealed class QuotaAppFactory : FeedbackAppFactoryBase
    {
        public SqliteDiskQuota Disk { get; } = new();

        protected override void Configure(IWebHostBuilder builder) =>
            builder.ConfigureTestServices(services => services.ConfigureDbContext<SqliteFeedbackDbContext>(o => o.AddInterceptors(Disk)));
    }

    [Fact]
    public async Task WhenTheDiskIsFull_IngestAnswers503_KeepsWhatItAcknowledged_AndRecoversWhenThereIsRoom()
    {
        var client = app.CreateApiClient(settle: false);
        var run = Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Accepted, (await Post(client, $"{run}-warmup")).StatusCode);
        await app.WaitForPipelineAsync();

        app.Disk.Fill(await PageCountAsync());
        var acknowledged = new List<string>();
        var refused = new List<string>();
        HttpResponseMessage? firstRefusal = null;
        for (var i = 0; i < 5_000 && refused.Count < 20; i++)
        {
            var key = $"{run}-{i}";
            var response = await Post(client, key);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                acknowledged.Add(key);
            }
            else
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                firstRefusal ??= response;
                refused.Add(key);
            }
        }

        Assert.NotNull(firstRefusal);
        Assert.NotNull(firstRefusal.Headers.RetryAfter);
        Assert.Equal("application/problem+json", firstRefusal.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode); // not ready while writes fail, though reads work
        Assert.Contains("Writes fail", await ready.Content.ReadAsStringAsync());
        Assert.Subset(await StoredKeysAsync(), acknowledged.ToHashSet());
        Assert.Empty((await StoredKeysAsync()).Intersect(refused));

        app.Disk.Free();
        foreach (var key in refused)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await Post(client, key)).StatusCode);
        }
        await app.WaitForPipelineAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var expected = acknowledged.Concat(refused).Append($"{run}-warmup").Order().ToList();
        Assert.Equal(expected, (await StoredKeysAsync()).Order().ToList());
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string key) => client.PostJsonAsync("/api/v1/feedback", new
    {
        id = key,
        interactionId = "disk-" + key,
        type = "negative",
        comment = new string('c', 2_000), // fills pages quickly
        interaction = new { id = "disk-" + key, query = "Where is my invoice?", response = "An answer.", source = "disk", pattern = "disk-full" },
    });

    private async Task<long> PageCountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_count;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<HashSet<string>> StoredKeysAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ClientId FROM Feedback WHERE ClientId IS NOT NULL";
        var keys = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }
}
