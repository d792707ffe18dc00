using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Features.Review;

public abstract record ReviewActionResult
{
    private ReviewActionResult() { }

    public sealed record Done(ReviewTaskDto Task) : ReviewActionResult;

    public sealed record NotFound : ReviewActionResult;

    public sealed record Invalid(ValidationErrors Errors) : ReviewActionResult;

    /// <param name="Holder">Who has the task, when that is the reason.</param>
    public sealed record Conflict(string Reason, string? Holder) : ReviewActionResult
    {
        /// <summary>What a person is told: the reason, and who has the task when that is why.</summary>
        public string Message => Holder is null ? Reason : $"{Reason} It is with {Holder}.";
    }
}
