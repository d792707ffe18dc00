using FeedbackDashboard.Core.Patterns;

namespace FeedbackDashboard.Core.Feedback;

public static class InteractionRules
{
    public static ValidationErrors Validate(InteractionSubmission submission)
    {
        var errors = new ValidationErrors();
        Required(errors, "id", submission.Id, Interaction.MaxIdLength);
        Required(errors, "query", submission.Query, Interaction.MaxQueryLength);
        Required(errors, "source", submission.Source, Interaction.MaxSourceLength);
        if (BidiControls.In(submission.Source))
        {
            errors.Add("source", "The source may not hold bidirectional control characters (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C).");
        }
        if (BidiControls.In(submission.Pattern))
        {
            errors.Add("pattern", "The pattern may not hold bidirectional control characters (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C).");
        }
        if (submission.Response is { Length: > Interaction.MaxResponseLength })
        {
            errors.Add("response", $"The response must be at most {Interaction.MaxResponseLength} characters.");
        }
        if (submission.Pattern is { } pattern && (string.IsNullOrWhiteSpace(pattern) || pattern.Length > Interaction.MaxPatternLength))
        {
            errors.Add("pattern", $"The pattern must be 1 to {Interaction.MaxPatternLength} characters when given.");
        }
        else if (submission.Pattern is { } key && !PatternKeys.IsAllowedApplicationKey(key))
        {
            errors.Add("pattern", $"Keys starting with \"{PatternKeys.QueryPrefix}\" are reserved for the patterns grouped by meaning; use another key.");
        }
        if (submission.Metadata.Count > Interaction.MaxMetadataEntries)
        {
            errors.Add("metadata", $"At most {Interaction.MaxMetadataEntries} metadata entries are kept.");
        }
        foreach (var (key, value) in submission.Metadata)
        {
            if (key.Length is 0 or > Interaction.MaxMetadataKeyLength)
            {
                errors.Add("metadata", $"Metadata keys must be 1 to {Interaction.MaxMetadataKeyLength} characters.");
            }
            if (value.Length > Interaction.MaxMetadataValueLength)
            {
                errors.Add($"metadata.{key}", $"Metadata values must be at most {Interaction.MaxMetadataValueLength} characters.");
            }
        }
        return errors;
    }

    private static void Required(ValidationErrors errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"The {field} is required.");
        }
        else if (value.Length > maxLength)
        {
            errors.Add(field, $"The {field} must be at most {maxLength} characters.");
        }
    }
}
