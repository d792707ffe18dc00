using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Features.Feedback;

/// <param name="Interaction">Creates the interaction when its id is not known yet; ignored when it is.</param>
public sealed record FeedbackItem(FeedbackSubmission Submission, InteractionSubmission? Interaction = null);
