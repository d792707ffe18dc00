using System.Text.Json;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FeedbackDashboard.Features.Ingestion;

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
        if (db is not SqliteFeedbackDbContext)
        {
            db.Interactions.AddRange(interactions);
            db.Feedback.AddRange(feedback);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The rows are inserted in the caller's transaction.");
        if (interactions.Count > 0)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO \"Interactions\" (\"Id\", \"Query\", \"Response\", \"Source\", \"RequestedPattern\", \"PatternKey\", \"Metadata\", \"CreatedAt\") " +
                "VALUES ($id, $query, $response, $source, $requested, $pattern, $metadata, $created)";
            var parameters = Parameters(insert, "$id", "$query", "$response", "$source", "$requested", "$pattern", "$metadata", "$created");
            await insert.PrepareAsync(cancellationToken);
            foreach (var interaction in interactions)
            {
                Set(parameters, interaction.Id, interaction.Query, interaction.Response, interaction.Source, interaction.RequestedPattern,
                    interaction.PatternKey, interaction.Metadata.Count == 0 ? "{}" : JsonSerializer.Serialize(interaction.Metadata, JsonSerializerOptions.Default), Time.ConvertToProvider(interaction.CreatedAt));
                insert.ExecuteNonQuery();
            }
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO \"Feedback\" (\"ClientId\", \"InteractionId\", \"Type\", \"Rating\", \"CorrectionText\", \"CorrectionKind\", \"Comment\", \"CreatedAt\", \"PatternKey\", \"Source\") " +
            "VALUES ($client, $interaction, $type, $rating, $correction, $kind, $comment, $created, $pattern, $source)";
        var values = Parameters(command, "$client", "$interaction", "$type", "$rating", "$correction", "$kind", "$comment", "$created", "$pattern", "$source");
        await command.PrepareAsync(cancellationToken);
        foreach (var item in feedback)
        {
            Set(values, item.ClientId, item.InteractionId, (int)item.Type, item.Rating, item.CorrectionText, (int?)item.CorrectionKind, item.Comment,
                Time.ConvertToProvider(item.CreatedAt), item.PatternKey, item.Source);
            command.ExecuteNonQuery();
            item.Id = SQLitePCL.raw.sqlite3_last_insert_rowid(connection.Handle);
        }
    }

    private static SqliteParameter[] Parameters(SqliteCommand command, params string[] names) =>
        names.Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();

    private static void Set(SqliteParameter[] parameters, params object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
