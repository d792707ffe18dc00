namespace FeedbackDashboard.Core.Knowledge;

/// <summary>A piece of knowledge the AI application is served; every change is a new <see cref="KnowledgeEntryVersion"/>.</summary>
public sealed class KnowledgeEntry
{
    public const int MaxTitleLength = 500;
    public const int MaxContentLength = 32_000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 100;

    public long Id { get; set; }

    /// <summary>The AI application it belongs to; null: shared by all.</summary>
    public string? Source { get; init; }

    public required string Title { get; set; }
    public required string Content { get; set; }
    public List<string> Tags { get; set; } = [];

    /// <summary>The query pattern it answers, when it came from corrections on one: later corrections there amend it.</summary>
    public string? PatternKey { get; init; }

    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class KnowledgeEntryVersion
{
    public long Id { get; set; }
    public long EntryId { get; init; }
    public int Version { get; init; }
    public required string Title { get; init; }
    public required string Content { get; init; }
    public List<string> Tags { get; init; } = [];

    /// <summary>The correction applied to make it, or null for a reviewer's own change.</summary>
    public long? CorrectionId { get; init; }

    public required string Author { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
