using System.Diagnostics.Metrics;
using System.Net;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Pipeline;
using FeedbackDashboard.Features.Shared;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Pipeline;

/// <summary>The background pipeline after ingest: acknowledged on commit, processed after it, measured, and resumable.</summary>
public class FeedbackPipelineTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    [Fact]
    public async Task Feedback_IsAcknowledgedOnCommit_ThenThePipelineAssignsItsPatternAndRecordsTheLag()
    {
        var lags = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PipelineMetrics.MeterName && instrument.Name == "feedback.pipeline.lag")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => { lock (lags) { lags.Add(value); } });
        listener.Start();
        var client = app.CreateApiClient(settle: false);

        var response = await client.PostFeedbackAsync("How do I rotate an API key?", "negative");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var acknowledged = await response.ReadJsonAsync();
        Assert.Null((string?)acknowledged["patternKey"]); // the answer did not wait for the model
        await app.WaitForPipelineAsync();
        await using var db = app.CreateDbContext();
        var stored = await db.Feedback.SingleAsync(f => f.ClientId == (string)acknowledged["id"]!);
        Assert.NotNull(stored.PatternKey);
        Assert.NotNull(stored.ProcessedAt);
        lock (lags)
        {
            Assert.NotEmpty(lags);
        }
        var status = await app.Services.GetRequiredService<PipelineStatusReader>().ReadAsync();
        Assert.Equal(0, status.PendingFeedback);
        Assert.True(status.ProcessedTotal >= 1);
        Assert.NotEmpty(status.RecentBatches);
    }

    [Fact]
    public async Task PendingWorkNobodyAnnounced_IsFoundByTheSweep()
    {
        // As a crash between commit and pipeline, or another instance's ingest, leaves it.
        var interactionId = "orphan-" + Guid.NewGuid().ToString("N");
        long feedbackId;
        await using (var db = app.CreateDbContext())
        {
            db.Interactions.Add(new Interaction { Id = interactionId, Query = "Where can I see my invoices?", Source = "tests", CreatedAt = app.Clock.GetUtcNow() });
            var feedback = new UserFeedback { InteractionId = interactionId, Type = FeedbackType.ThumbsDown, Source = "tests", CreatedAt = app.Clock.GetUtcNow(), ClientId = interactionId };
            db.Feedback.Add(feedback);
            await db.SaveChangesAsync();
            feedbackId = feedback.Id;
        }

        app.Clock.Advance(TimeSpan.FromSeconds(new PipelineOptions().SweepSeconds + 1));
        await app.WaitForPipelineAsync();

        await using var check = app.CreateDbContext();
        var processed = await check.Feedback.SingleAsync(f => f.Id == feedbackId);
        Assert.NotNull(processed.PatternKey);
        Assert.NotNull(processed.ProcessedAt);
    }

    [Fact]
    public async Task PatternAggregates_CountEachItemOnce_WhetherItsPatternWasKnownOrNot()
    {
        var client = app.CreateApiClient();
        var key = "aggregate-" + Guid.NewGuid().ToString("N");
        var interactionId = "i-" + Guid.NewGuid().ToString("N");
        // The first item's pattern is assigned by the pipeline; the second is on the same interaction, whose pattern is then known at ingest.
        await client.PostJsonAsync("/api/v1/feedback", new { interactionId, type = "negative", interaction = new { id = interactionId, query = "Aggregate once", source = "tests", pattern = key } });
        await client.PostJsonAsync("/api/v1/feedback", new { interactionId, type = "positive" });
        await client.PostFeedbackAsync("Aggregate once", "negative", pattern: key);

        await using var db = app.CreateDbContext();
        var aggregate = await db.PatternDailyAggregates.Where(a => a.PatternKey == key).ToListAsync();
        Assert.Equal(3, aggregate.Sum(a => a.Total));
        Assert.Equal(2, aggregate.Sum(a => a.ThumbsDown));
        Assert.Equal(3, await db.Feedback.CountAsync(f => f.PatternKey == key && f.ProcessedAt != null));
    }
}
