namespace FeedbackDashboard.Core.Feedback;

/// <summary>One piece of feedback a user gave on an interaction.</summary>
public sealed class UserFeedback
{
    public const int MaxClientIdLength = 200;
    public const int MaxCommentLength = 4_000;
    public const int MaxCorrectionLength = 16_000;

    public long Id { get; set; }

    /// <summary>The client's idempotency key; sending it again stores nothing new.</summary>
    public string? ClientId { get; init; }

    public required string InteractionId { get; init; }
    public FeedbackType Type { get; init; }

    /// <summary>1-5 for a rating, else null.</summary>
    public int? Rating { get; init; }

    /// <summary>The corrected text of a correction, else null.</summary>
    public string? CorrectionText { get; init; }

    public CorrectionKind? CorrectionKind { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Copied from the interaction so that pattern windows and aggregates need no join; null until
    /// the pipeline has assigned the interaction's pattern.
    /// </summary>
    public string? PatternKey { get; set; }

    /// <summary>When the pipeline had assigned the pattern and checked the triggers; null while pending.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Copied from the interaction for the same reason.</summary>
    public required string Source { get; init; }

    /// <summary>
    /// The comment's unit-length embedding, for negative feedback with a comment: the pipeline
    /// embeds it once, so the common issues never embed it again. Null otherwise.
    /// </summary>
    public float[]? CommentEmbedding { get; set; }
}
