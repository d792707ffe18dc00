using FeedbackDashboard.Core.Knowledge;
using FeedbackDashboard.Features.Knowledge;

namespace FeedbackDashboard.Contracts;

/// <param name="Source">The AI application it belongs to; null when shared by all.</param>
/// <param name="CorrectionIds">The corrections applied to make its versions, oldest first.</param>
public sealed record KnowledgeEntryDto(
    long Id, string? Source, string Title, string Content, IReadOnlyList<string> Tags, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<long> CorrectionIds)
{
    public static KnowledgeEntryDto From(KnowledgeEntry e, IReadOnlyList<long> correctionIds) =>
        new(e.Id, e.Source, e.Title, e.Content, e.Tags, e.Version, e.CreatedAt, e.UpdatedAt, correctionIds);
}

public sealed record KnowledgeVersionDto(long Id, long EntryId, int Version, string Title, string Content, IReadOnlyList<string> Tags,
    long? CorrectionId, string Author, DateTimeOffset CreatedAt)
{
    public static KnowledgeVersionDto From(KnowledgeEntryVersion v) =>
        new(v.Id, v.EntryId, v.Version, v.Title, v.Content, v.Tags, v.CorrectionId, v.Author, v.CreatedAt);
}

/// <param name="Status">draft, published or superseded.</param>
public sealed record InstructionsVersionDto(long Id, string Source, int Version, InstructionsStatus Status, string Text, int? BasedOn, string? Note,
    string CreatedBy, DateTimeOffset CreatedAt, string? PublishedBy, DateTimeOffset? PublishedAt)
{
    public static InstructionsVersionDto From(InstructionsVersion v) =>
        new(v.Id, v.Source, v.Version, v.Status, v.Text, v.BasedOn, v.Note, v.CreatedBy, v.CreatedAt, v.PublishedBy, v.PublishedAt);
}
