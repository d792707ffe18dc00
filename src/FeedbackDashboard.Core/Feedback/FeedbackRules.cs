namespace FeedbackDashboard.Core.Feedback;

/// <summary>What makes a feedback submission acceptable, whatever transport carried it.</summary>
public static class FeedbackRules
{
    public const int MinRating = 1;
    public const int MaxRating = 5;

    public static ValidationErrors Validate(FeedbackSubmission submission)
    {
        var errors = new ValidationErrors();

        if (submission.ClientId is { } clientId)
        {
            if (clientId.Length == 0)
            {
                errors.Add("id", "The id must not be empty when given.");
            }
            else if (clientId.Length > UserFeedback.MaxClientIdLength)
            {
                errors.Add("id", $"The id must be at most {UserFeedback.MaxClientIdLength} characters.");
            }
        }

        if (string.IsNullOrWhiteSpace(submission.InteractionId))
        {
            errors.Add("interactionId", "The interactionId is required.");
        }
        else if (submission.InteractionId.Length > Interaction.MaxIdLength)
        {
            errors.Add("interactionId", $"The interactionId must be at most {Interaction.MaxIdLength} characters.");
        }

        if (submission.Comment is { Length: > UserFeedback.MaxCommentLength })
        {
            errors.Add("comment", $"The comment must be at most {UserFeedback.MaxCommentLength} characters.");
        }

        switch (submission.Type)
        {
            case FeedbackType.Rating:
                if (submission.Rating is not { } rating)
                {
                    errors.Add("value", "A rating needs a whole-number value from 1 to 5.");
                }
                else if (rating is < MinRating or > MaxRating)
                {
                    errors.Add("value", $"A rating must be from {MinRating} to {MaxRating}; {rating} is not.");
                }
                break;
            case FeedbackType.Correction:
                if (string.IsNullOrWhiteSpace(submission.CorrectionText))
                {
                    errors.Add("value", "A correction needs its corrected text as the value.");
                }
                else if (submission.CorrectionText.Length > UserFeedback.MaxCorrectionLength)
                {
                    errors.Add("value", $"A correction must be at most {UserFeedback.MaxCorrectionLength} characters.");
                }
                break;
            case FeedbackType.ThumbsUp or FeedbackType.ThumbsDown:
                if (submission.Rating is not null || submission.CorrectionText is not null)
                {
                    errors.Add("value", "A thumbs-up or thumbs-down carries no value.");
                }
                break;
        }

        if (submission.CorrectionKind is not null && submission.Type != FeedbackType.Correction)
        {
            errors.Add("correctionKind", "Only a correction has a correctionKind.");
        }

        return errors;
    }

    /// <summary>A correction without a stated kind is about facts: the knowledge base.</summary>
    public static CorrectionKind? EffectiveCorrectionKind(FeedbackSubmission submission) =>
        submission.Type == FeedbackType.Correction
            ? submission.CorrectionKind ?? CorrectionKind.Knowledge
            : null;
}
