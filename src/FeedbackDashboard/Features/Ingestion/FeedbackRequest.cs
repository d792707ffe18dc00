using System.Text.Json;
using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Feedback;

namespace FeedbackDashboard.Features.Ingestion;

/// <summary>POST /api/v1/feedback, and each item of /feedback/batch.</summary>
/// <param name="Id">The client's idempotency key (up to 200 characters).</param>
/// <param name="Type">"positive", "negative", "correction" or "rating".</param>
/// <param name="Value">Absent for thumbs; a whole number 1-5 for a rating; the corrected text for a correction.</param>
/// <param name="CorrectionKind">"knowledge" (the default) or "behavior", for a correction.</param>
/// <param name="Interaction">Creates the interaction when interactionId is not known yet.</param>
public sealed record FeedbackRequest(
    string? Id,
    string? InteractionId,
    string? Type,
    JsonElement? Value = null,
    string? Comment = null,
    string? CorrectionKind = null,
    InteractionRequest? Interaction = null)
{
    /// <summary>Turns the wire shape into a submission, collecting every problem with a field name.</summary>
    public FeedbackItem? ToItem(ValidationErrors errors)
    {
        FeedbackType type = default;
        if (Type is null)
        {
            errors.Add("type", $"The type is required: one of {string.Join(", ", WireNames.All<FeedbackType>())}.");
        }
        else if (!WireNames.TryParse<FeedbackType>(Type, out type))
        {
            errors.Add("type", $"Unknown type '{Type}': use one of {string.Join(", ", WireNames.All<FeedbackType>())}.");
        }

        CorrectionKind? kind = null;
        if (CorrectionKind is not null)
        {
            if (WireNames.TryParse<CorrectionKind>(CorrectionKind, out var parsed))
            {
                kind = parsed;
            }
            else
            {
                errors.Add("correctionKind", $"Unknown correctionKind '{CorrectionKind}': use one of {string.Join(", ", WireNames.All<CorrectionKind>())}.");
            }
        }

        var (rating, text, valueError) = ReadValue(type);
        if (valueError is not null)
        {
            errors.Add("value", valueError);
        }

        var submission = new FeedbackSubmission(Id, InteractionId ?? "", type, rating, text, kind, Comment);
        foreach (var (field, messages) in FeedbackRules.Validate(submission).ToDictionary())
        {
            // A value of the wrong JSON kind was explained above; the rules would only repeat it.
            if (field == "value" && valueError is not null)
            {
                continue;
            }
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }

        var interaction = Interaction?.ToSubmission();
        if (interaction is not null)
        {
            errors.AddRange(InteractionRules.Validate(interaction), "interaction.");
        }
        return errors.IsEmpty ? new FeedbackItem(submission, interaction) : null;
    }

    private (int? Rating, string? Text, string? Error) ReadValue(FeedbackType type)
    {
        if (Value is not { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } element)
        {
            return (null, null, null);
        }
        return type switch
        {
            FeedbackType.Rating => element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var number)
                ? (number, null, null)
                : (null, null, "A rating must be a whole number from 1 to 5."),
            FeedbackType.Correction => element.ValueKind == JsonValueKind.String
                ? (null, element.GetString(), null)
                : (null, null, "A correction's value must be its corrected text."),
            FeedbackType.ThumbsUp or FeedbackType.ThumbsDown => (null, null, "A thumbs-up or thumbs-down carries no value."),
            _ => (null, null, null),
        };
    }
}
