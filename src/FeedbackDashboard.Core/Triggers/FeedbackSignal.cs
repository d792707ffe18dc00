using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Core.Triggers;

/// <summary>The part of a feedback item the trigger rule reads.</summary>
public readonly record struct FeedbackSignal(FeedbackType Type, int? Rating = null)
{
    public static FeedbackSignal From(UserFeedback feedback) => new(feedback.Type, feedback.Rating);

    public bool IsNegative(TriggerOptions options) =>
        Type == FeedbackType.ThumbsDown
        || (options.CountLowRatingsAsNegative && Type == FeedbackType.Rating && Rating <= options.LowRatingMaximum);
}
