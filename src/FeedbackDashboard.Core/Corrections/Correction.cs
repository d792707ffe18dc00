using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Core.Corrections;

/// <summary>
/// What a user (or a reviewer resolving a task) taught us, on its way to the knowledge base or the
/// instructions: pending, then approved or rejected by a reviewer, then applied.
/// </summary>
public sealed class Correction
{
    public const int MaxTextLength = UserFeedback.MaxCorrectionLength;
    public const int MaxReasonLength = 2_000;

    public long Id { get; set; }

    /// <summary>The user's correction feedback it came from, or null when a reviewer wrote it.</summary>
    public long? FeedbackId { get; init; }

    /// <summary>The review task a reviewer wrote it on, or null.</summary>
    public long? ReviewTaskId { get; init; }

    public required string Source { get; init; }
    public string? PatternKey { get; set; }
    public required string Query { get; init; }
    public string? Answer { get; init; }

    /// <summary>The text as the user (or reviewer) sent it.</summary>
    public required string OriginalText { get; init; }

    /// <summary>The text as it stands after the reviewers' edits: what is applied.</summary>
    public required string Text { get; set; }

    public CorrectionKind Kind { get; set; }
    public CorrectionStatus Status { get; set; } = CorrectionStatus.Pending;

    /// <summary>The knowledge entry a knowledge correction amends when applied; null: a new entry.</summary>
    public long? KnowledgeEntryId { get; set; }

    /// <summary>The first correction of its near-identical group (itself when it started one); null until grouped.</summary>
    public long? GroupId { get; set; }

    public float[]? Embedding { get; set; }

    public string? AuthorName { get; init; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset? AppliedAt { get; set; }

    /// <summary>What applying made: a knowledge entry's version or an instructions version.</summary>
    public long? AppliedKnowledgeVersionId { get; set; }
    public long? AppliedInstructionsVersionId { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Changes on every write: two reviewers deciding at once cannot both win.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}
