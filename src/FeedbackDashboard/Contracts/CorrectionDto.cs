using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Corrections;

namespace FeedbackDashboard.Contracts;

/// <param name="SimilarCount">How many corrections (this one included) say the same or nearly the same thing.</param>
/// <param name="SimilarInSameStatus">How many of those (this one included) are in this one's status: what a group decision acts on.</param>
/// <param name="FeedbackId">The user's feedback item (its client id), or null when a reviewer wrote it.</param>
/// <param name="ReviewTaskId">The review task it came from, when there is one.</param>
public sealed record CorrectionDto(
    long Id,
    CorrectionStatus Status,
    CorrectionKind Kind,
    string Source,
    string? PatternKey,
    string Query,
    string? Answer,
    string OriginalText,
    string Text,
    int SimilarCount,
    int SimilarInSameStatus,
    string? FeedbackId,
    long? ReviewTaskId,
    string? Author,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Reason,
    long? KnowledgeEntryId,
    DateTimeOffset? AppliedAt,
    long? AppliedKnowledgeVersionId,
    long? AppliedInstructionsVersionId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static CorrectionDto From(Correction c, int similarCount, int similarInSameStatus, string? feedbackClientId, long? reviewTaskId) => new(
        c.Id, c.Status, c.Kind, c.Source, c.PatternKey, c.Query, c.Answer, c.OriginalText, c.Text,
        similarCount, similarInSameStatus, feedbackClientId, reviewTaskId, c.AuthorName, c.DecidedBy, c.DecidedAt, c.Reason, c.KnowledgeEntryId,
        c.AppliedAt, c.AppliedKnowledgeVersionId, c.AppliedInstructionsVersionId, c.CreatedAt, c.UpdatedAt);
}

/// <param name="Grouped">One row per near-identical group (its newest correction of that status), as the inbox shows them.</param>
/// <param name="TaskId">Only the corrections of one review task: those sent as its related feedback, and those reviewers wrote on it.</param>
public sealed record CorrectionFilter(
    CorrectionStatus? Status = null, CorrectionKind? Kind = null, string? Source = null, int Page = 1, int PageSize = 50, bool Grouped = false, long? TaskId = null)
{
    public const int MaxPageSize = 500;
}
