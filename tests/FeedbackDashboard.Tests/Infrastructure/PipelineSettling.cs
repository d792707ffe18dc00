using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Tests.Infrastructure;

/// <summary>
/// Ingest acknowledges on commit and the pipeline assigns patterns and runs the triggers after it.
/// Tests that look at what the triggers did wait here until nothing is pending in the database.
/// </summary>
public static class PipelineSettling
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task WaitForPipelineAsync(this FeedbackAppFactoryBase factory)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            await using (var db = factory.CreateDbContext())
            {
                if (!await db.Feedback.AnyAsync(f => f.ProcessedAt == null) && !await db.Interactions.AnyAsync(i => i.PatternKey == null)
                    && !await db.Corrections.AnyAsync(c => c.GroupId == null))
                {
                    return;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The pipeline still had pending work after {Timeout.TotalSeconds} s.");
            }
            await Task.Delay(10);
        }
    }

    /// <summary>Waits for the pipeline after every successful POST of feedback or an interaction.</summary>
    public sealed class Handler(FeedbackAppFactoryBase factory) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Post && response.IsSuccessStatusCode && Ingests(request.RequestUri))
            {
                await factory.WaitForPipelineAsync();
            }
            return response;
        }

        private static bool Ingests(Uri? uri) =>
            uri is not null && (uri.AbsolutePath.StartsWith("/api/v1/feedback", StringComparison.Ordinal)
                || uri.AbsolutePath.StartsWith("/api/v1/interactions", StringComparison.Ordinal));
    }
}
