using FeedbackDashboard.Features.Pipeline;
using FeedbackDashboard.Features.Shared;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FeedbackDashboard.Tests.Pipeline;

/// <summary>The pipeline gives way to ingest only while feedback arrives faster than it could ever process it.</summary>
public class IngestFloodTests(IngestFloodTests.ManualPipelineAppFactory app) : IClassFixture<IngestFloodTests.ManualPipelineAppFactory>
{
    /// <summary>The pipeline runs only when a test calls it, two items a batch, working half the time in a flood.</summary>
    public sealed class ManualPipelineAppFactory : FeedbackAppFactoryBase
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Pipeline:Enabled", "false");
            builder.UseSetting("Pipeline:BatchSize", "2");
            builder.UseSetting("Pipeline:FloodShare", "0.5"); // pauses as long as each batch took
        }
    }

    private readonly FakeTimeProvider _clock = new();
    private readonly PipelineSignal _signal = new(new FixedOptions(new PipelineOptions()));

    [Fact]
    public void FeedbackFarFasterThanAFullBatchGoes_IsAFlood()
    {
        var flood = new IngestFlood(_signal, _clock);
        flood.BatchDone(500, full: true, TimeSpan.FromMilliseconds(250)); // 2,000 items/s

        Arrive(8_500, over: TimeSpan.FromSeconds(1));

        Assert.Equal(8_500, flood.ArrivalsPerSecond, precision: 0);
        Assert.Equal(2_000, flood.CapacityPerSecond, precision: 0);
        Assert.True(flood.IsFlooded);
    }

    [Fact]
    public void FeedbackTheFullBatchesCouldCatchUpWith_IsNoFlood()
    {
        var flood = new IngestFlood(_signal, _clock);
        flood.BatchDone(500, full: true, TimeSpan.FromMilliseconds(250));

        Arrive(5_500, over: TimeSpan.FromSeconds(1)); // behind, but less than three times what the pipeline does

        Assert.False(flood.IsFlooded);
    }

    [Fact]
    public void APipelineThatKeepsUp_NeverGivesWay_HoweverFastFeedbackArrives()
    {
        var flood = new IngestFlood(_signal, _clock);
        flood.BatchDone(500, full: true, TimeSpan.FromMilliseconds(250));
        flood.BatchDone(120, full: false, TimeSpan.FromMilliseconds(60)); // caught up: the batch was not full

        Arrive(50_000, over: TimeSpan.FromSeconds(1));

        Assert.False(flood.IsFlooded);
    }

    [Fact]
    public void TheFloodEnds_WhenFeedbackStopsArriving()
    {
        var flood = new IngestFlood(_signal, _clock);
        flood.BatchDone(500, full: true, TimeSpan.FromMilliseconds(250));
        Arrive(20_000, over: TimeSpan.FromSeconds(1));
        Assert.True(flood.IsFlooded);

        _clock.Advance(TimeSpan.FromSeconds(1)); // nothing arrives for a second

        Assert.False(flood.IsFlooded);
        Assert.Equal(0, flood.ArrivalsPerSecond);
    }

    [Fact]
    public async Task InAFlood_ThePipelinePausesBetweenBatches_ShowsWhy_AndStopsPausingWhenItEnds()
    {
        var client = app.CreateApiClient(settle: false);
        var pipeline = app.Services.GetRequiredService<FeedbackPipeline>();
        var flood = app.Services.GetRequiredService<IngestFlood>();
        var metrics = app.Services.GetRequiredService<PipelineMetrics>();
        var reader = app.Services.GetRequiredService<PipelineStatusReader>();
        await pipeline.ProcessPendingAsync(app.Clock, CancellationToken.None); // whatever the start left
        for (var i = 0; i < 6; i++)
        {
            (await client.PostFeedbackAsync($"Flooded question {i}", "positive")).EnsureSuccessStatusCode();
        }
        // The pipeline was measured at 2 items a second; then 10,000 a second were acknowledged.
        flood.BatchDone(2, full: true, TimeSpan.FromSeconds(1));
        app.Services.GetRequiredService<PipelineSignal>().Committed(Enumerable.Range(1, 10_000).Select(i => -(long)i));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var pausesBefore = metrics.FloodPauses;

        var running = pipeline.ProcessPendingAsync(app.Clock, CancellationToken.None);
        PipelineStatus? shown = null;
        while (!running.IsCompleted && shown?.GivingWayToIngest is null)
        {
            shown = await reader.ReadAsync();
            await Task.Delay(20);
        }
        Assert.True(await running >= 6);

        Assert.Equal(3, metrics.FloodPauses - pausesBefore); // after each of the three full batches
        Assert.NotNull(shown?.GivingWayToIngest);
        Assert.True(shown.GivingWayToIngest.ArrivalsPerSecond > IngestFlood.Factor * shown.GivingWayToIngest.CapacityPerSecond);
        Assert.Null((await reader.ReadAsync()).GivingWayToIngest);

        app.Clock.Advance(TimeSpan.FromSeconds(1)); // the flood is over
        for (var i = 0; i < 4; i++)
        {
            (await client.PostFeedbackAsync($"After the flood {i}", "positive")).EnsureSuccessStatusCode();
        }
        Assert.True(await pipeline.ProcessPendingAsync(app.Clock, CancellationToken.None) >= 4);
        Assert.Equal(3, metrics.FloodPauses - pausesBefore);
        Assert.Equal(0, (await reader.ReadAsync()).PendingFeedback);
    }

    private void Arrive(int count, TimeSpan over)
    {
        _signal.Committed(Enumerable.Range(1, count).Select(i => (long)i));
        _clock.Advance(over);
    }

    private sealed class FixedOptions(PipelineOptions value) : IOptionsMonitor<PipelineOptions>
    {
        public PipelineOptions CurrentValue => value;
        public PipelineOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<PipelineOptions, string?> listener) => null;
    }
}
