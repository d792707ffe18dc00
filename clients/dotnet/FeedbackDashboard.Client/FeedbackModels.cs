using System.Text.Json.Serialization;

namespace FeedbackDashboard.Client;

/// <summary>What a user said about an answer, as FeedbackDashboard's API names it.</summary>
public enum FeedbackType
{
    /// <summary>A thumbs-up.</summary>
    Positive,

    /// <summary>A thumbs-down.</summary>
    Negative,

    /// <summary>A rating from 1 to 5.</summary>
    Rating,

    /// <summary>The user's corrected answer.</summary>
    Correction,
}

/// <summary>What a correction fixes: a fact (the knowledge base) or the assistant's behaviour (its instructions).</summary>
public enum CorrectionKind
{
    /// <summary>A fact: becomes a knowledge base entry.</summary>
    Knowledge,

    /// <summary>How the assistant behaves: goes into its instructions.</summary>
    Behavior,
}

/// <summary>A knowledge entry the application is served.</summary>
public sealed record KnowledgeEntry(long Id, string? Source, string Title, string Content, IReadOnlyList<string> Tags, int Version, DateTimeOffset UpdatedAt);

/// <summary>The instructions (system prompt) published for a source.</summary>
public sealed record InstructionsVersion(long Id, string Source, int Version, string Text, DateTimeOffset? PublishedAt);

internal sealed record InteractionBody(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("response")] string? Response,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("pattern")] string? Pattern,
    [property: JsonPropertyName("metadata")] IReadOnlyDictionary<string, string>? Metadata);

internal sealed record FeedbackBody(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("interactionId")] string InteractionId,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] object? Value,
    [property: JsonPropertyName("comment")] string? Comment,
    [property: JsonPropertyName("correctionKind")] string? CorrectionKind,
    [property: JsonPropertyName("interaction")] InteractionBody? Interaction);

internal sealed record BatchBody([property: JsonPropertyName("items")] IReadOnlyList<FeedbackBody> Items);

internal sealed record BatchItemResult([property: JsonPropertyName("index")] int Index, [property: JsonPropertyName("status")] int Status);

internal sealed record BatchResult([property: JsonPropertyName("items")] IReadOnlyList<BatchItemResult> Items);

internal sealed record ItemsBody<T>([property: JsonPropertyName("items")] IReadOnlyList<T> Items);
