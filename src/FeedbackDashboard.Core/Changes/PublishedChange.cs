namespace FeedbackDashboard.Core.Changes;

/// <summary>
/// One publish the AI application is served (a knowledge entry version, an instructions version),
/// kept to judge whether feedback on what it touched got better (docs/decisions/ADR-014).
/// </summary>
public sealed class PublishedChange
{
    public const int MaxTitleLength = 500;
    public const int MaxPatternKeys = 200;

    public long Id { get; set; }
    public ChangeKind Kind { get; init; }

    /// <summary>The application it was published for; null for knowledge shared by every source.</summary>
    public string? Source { get; init; }

    /// <summary>The query patterns it touched: those of the corrections applied, or every pattern of the source for instructions.</summary>
    public List<string> PatternKeys { get; init; } = [];

    /// <summary>True for instructions: every item of the source counts, not only those of <see cref="PatternKeys"/>.</summary>
    public bool WholeSource { get; init; }

    /// <summary>"Knowledge: Refund policy (version 2)", "Instructions version 4".</summary>
    public required string Title { get; init; }

    public long? KnowledgeEntryVersionId { get; init; }
    public long? InstructionsVersionId { get; init; }

    /// <summary>The review task that led to it, when there was one.</summary>
    public long? ReviewTaskId { get; init; }

    public required string PublishedBy { get; init; }
    public DateTimeOffset PublishedAt { get; init; }

    /// <summary>Set once the verdict is final (both sides have their items, or the time cap passed); null while collecting.</summary>
    public ChangeVerdict? Verdict { get; set; }

    public int BeforeTotal { get; set; }
    public int BeforePositive { get; set; }
    public int BeforeNegative { get; set; }
    public int AfterTotal { get; set; }
    public int AfterPositive { get; set; }
    public int AfterNegative { get; set; }
    public double? Difference { get; set; }
    public double? Low { get; set; }
    public double? High { get; set; }
    public DateTimeOffset? JudgedAt { get; set; }
}
