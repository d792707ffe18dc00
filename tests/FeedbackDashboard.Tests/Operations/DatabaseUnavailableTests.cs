using System.Net;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Tests.Operations;

/// <summary>Another process holds the database's write lock for longer than the app waits: 503, nothing stored, and it recovers.</summary>
public class DatabaseUnavailableTests(DatabaseUnavailableTests.ShortWaitAppFactory app) : IClassFixture<DatabaseUnavailableTests.ShortWaitAppFactory>
{
    public sealed class ShortWaitAppFactory : FeedbackAppFactoryBase
    {
        protected override void Configure(IWebHostBuilder builder) =>
            builder.UseSetting("ConnectionStrings:Feedback", $"Data Source={DatabasePath};Default Timeout=1");
    }

    [Fact]
    public async Task WhileTheDatabaseIsLocked_IngestAnswers503WithRetryAfter_ThenRecovers()
    {
        var client = app.CreateApiClient(settle: false);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostFeedbackAsync("Before the lock", "positive")).StatusCode);
        await app.WaitForPipelineAsync();
        int before;
        await using (var db = app.CreateDbContext())
        {
            before = await db.Feedback.CountAsync();
        }

        HttpResponseMessage locked;
        await using (var holder = new SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            await holder.OpenAsync();
            await using var transaction = (SqliteTransaction)await holder.BeginTransactionAsync();
            await using (var write = holder.CreateCommand())
            {
                write.Transaction = transaction;
                write.CommandText = "UPDATE TriggerSettings SET Id = Id"; // takes the write lock
                await write.ExecuteNonQueryAsync();
            }
            locked = await client.PostFeedbackAsync("During the lock", "positive");
            await transaction.RollbackAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter);
        Assert.Equal("application/problem+json", locked.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostFeedbackAsync("After the lock", "positive")).StatusCode);
        await app.WaitForPipelineAsync();
        await using var check = app.CreateDbContext();
        Assert.Equal(before + 1, await check.Feedback.CountAsync());
    }
}
