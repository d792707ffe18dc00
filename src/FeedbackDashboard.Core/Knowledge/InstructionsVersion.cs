using System.Text.Json.Serialization;

namespace FeedbackDashboard.Core.Knowledge;

[JsonConverter(typeof(WireEnumConverter<InstructionsStatus>))]
public enum InstructionsStatus
{
    /// <summary>Being prepared: behavior corrections are added to it, a reviewer edits it, then publishes it.</summary>
    Draft = 1,
    /// <summary>What the AI application is served now.</summary>
    Published = 2,
    /// <summary>Published once, then replaced by a later version.</summary>
    Superseded = 3,
}

/// <summary>One version of an AI application's instructions (its system prompt).</summary>
public sealed class InstructionsVersion
{
    public const int MaxTextLength = 64_000;

    public long Id { get; set; }
    public required string Source { get; init; }
    public int Version { get; init; }
    public required string Text { get; set; }
    public InstructionsStatus Status { get; set; } = InstructionsStatus.Draft;

    /// <summary>Set to the source only on the current published version; a unique index keeps it one per source.</summary>
    public string? CurrentFor { get; set; }

    /// <summary>Set to the source only on the open draft; a unique index keeps it one per source.</summary>
    public string? DraftFor { get; set; }

    /// <summary>The version it started from (the published one when drafted, the one rolled back to).</summary>
    public int? BasedOn { get; init; }

    /// <summary>Why it exists: the corrections drafted into it, or "rolled back to version 3".</summary>
    public string? Note { get; set; }

    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? PublishedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public Guid Concurrency { get; set; } = Guid.NewGuid();
}
