namespace FeedbackDashboard.Core.Feedback;

/// <summary>One question and answer of an AI application, keyed by the application's own id.</summary>
public sealed class Interaction
{
    public const int MaxIdLength = 200;
    public const int MaxQueryLength = 8_000;
    public const int MaxResponseLength = 32_000;
    public const int MaxSourceLength = 100;
    public const int MaxPatternLength = 200;
    public const int MaxMetadataEntries = 50;
    public const int MaxMetadataKeyLength = 100;
    public const int MaxMetadataValueLength = 1_000;

    public required string Id { get; init; }
    public required string Query { get; set; }
    public string? Response { get; set; }
    public required string Source { get; set; }

    /// <summary>The pattern key the application sent, if any.</summary>
    public string? RequestedPattern { get; set; }

    /// <summary>The query pattern this interaction was assigned to; null until the pipeline assigns it.</summary>
    public string? PatternKey { get; set; }

    /// <summary>The query's unit-length embedding, stored so that nothing is embedded twice.</summary>
    public float[]? QueryEmbedding { get; set; }

    public Dictionary<string, string> Metadata { get; set; } = [];
    public DateTimeOffset CreatedAt { get; init; }
}
