namespace FeedbackDashboard.Features.Demo;

/// <summary>A clock the seeder moves through the past, so that history goes through the real ingest path.</summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
