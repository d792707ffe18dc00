using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Features.Review;

public abstract record ReviewActionResult
{
    private ReviewActionResult() { }

    public sealed record Done(ReviewTaskDto Task) : ReviewActionResult;

    public sealed record NotFound : ReviewActionResult;

    public sealed record Invalid(ValidationErrors Errors) : ReviewActionResult;

    /// <param name="Holder">Who has the task, when that is the reason.</param>
    public sealed record Conflict(string Reason, string? Holder) : ReviewActionResult;
}
