namespace FeedbackDashboard.Features.Demo;

/// <summary>Bound from "Demo". Seeding defaults to on in Development; `--demo-live` sets Live.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Fill an empty database with 30 days of realistic feedback at start.</summary>
    public bool Seed { get; set; }

    /// <summary>Keep posting fresh feedback about once a second.</summary>
    public bool Live { get; set; }

    public int SeedDays { get; set; } = 30;

    public TimeSpan LiveInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Seeded with this, the demo data is the same on every machine.</summary>
    public int RandomSeed { get; set; } = 20261128;
}
