using System.Text.Json;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FeedbackDashboard.Features.Feedback;

/// <summary>
/// Inserts a batch's new interactions and feedback rows in the caller's transaction. On SQLite, two
/// prepared statements reused for every row (EF Core prepares a new command for each row, which was
/// most of the ingest writer's time); on SQL Server, EF Core's batched inserts. Feedback ids are set
/// on the entities either way.
/// </summary>
public static class FeedbackRows
{
    private static readonly ValueConverter<DateTimeOffset, long> Time = new DateTimeOffsetToBinaryConverter();

    public static async Task InsertAsync(FeedbackDbContext db, IReadOnlyList<Interaction> interactions, IReadOnlyList<UserFeedback> feedback, CancellationToken cancellationToken)
    {
        await using var insertFeedback = SqliteBatchStatement.Prepare(db,
            "INSERT INTO \"Feedback\" (\"ClientId\", \"InteractionId\", \"Type\", \"Rating\", \"CorrectionText\", \"CorrectionKind\", \"Comment\", \"CreatedAt\", \"PatternKey\", \"Source\") " +
            "VALUES ($client, $interaction, $type, $rating, $correction, $kind, $comment, $created, $pattern, $source)",
            "$client", "$interaction", "$type", "$rating", "$correction", "$kind", "$comment", "$created", "$pattern", "$source");
        if (insertFeedback is null)
        {
            db.Interactions.AddRange(interactions);
            db.Feedback.AddRange(feedback);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        if (interactions.Count > 0)
        {
            await using var insertInteraction = SqliteBatchStatement.Prepare(db,
                "INSERT INTO \"Interactions\" (\"Id\", \"Query\", \"Response\", \"Source\", \"RequestedPattern\", \"PatternKey\", \"Metadata\", \"CreatedAt\") " +
                "VALUES ($id, $query, $response, $source, $requested, $pattern, $metadata, $created)",
                "$id", "$query", "$response", "$source", "$requested", "$pattern", "$metadata", "$created")!;
            foreach (var interaction in interactions)
            {
                insertInteraction.Execute(interaction.Id, interaction.Query, interaction.Response, interaction.Source, interaction.RequestedPattern,
                    interaction.PatternKey, interaction.Metadata.Count == 0 ? "{}" : JsonSerializer.Serialize(interaction.Metadata, JsonSerializerOptions.Default),
                    Time.ConvertToProvider(interaction.CreatedAt));
            }
        }

        foreach (var item in feedback)
        {
            insertFeedback.Execute(item.ClientId, item.InteractionId, (int)item.Type, item.Rating, item.CorrectionText, (int?)item.CorrectionKind, item.Comment,
                Time.ConvertToProvider(item.CreatedAt), item.PatternKey, item.Source);
            item.Id = insertFeedback.LastInsertRowId;
        }
    }
}
