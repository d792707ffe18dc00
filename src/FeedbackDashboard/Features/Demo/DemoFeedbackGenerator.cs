using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Feedback;

namespace FeedbackDashboard.Features.Demo;

/// <summary>Makes one plausible interaction with its feedback, as an AI application would send it.</summary>
internal sealed class DemoFeedbackGenerator(Random random)
{
    private int _sequence;

    /// <param name="daysAgo">How far back the item is; patterns that "go bad" get worse after their day.</param>
    public FeedbackItem Next(int daysAgo)
    {
        var pattern = DemoCatalog.Patterns[random.Next(DemoCatalog.Patterns.Length)];
        // The bad release ships the prompt v42; a reviewer's fix later makes the pattern's answers good again.
        var released = pattern.GoesBadDaysAgo is { } since && daysAgo <= since;
        var isBad = released && !(pattern.FixedDaysAgo is { } fixedAt && daysAgo < fixedAt);
        var negativeShare = isBad ? 0.55 : pattern.NegativeShare;
        var id = $"demo-{Guid.CreateVersion7():N}-{Interlocked.Increment(ref _sequence)}";

        var interaction = new InteractionSubmission(
            id,
            pattern.Variants[random.Next(pattern.Variants.Length)],
            pattern.Answer,
            pattern.Source,
            null,
            new Dictionary<string, string>
            {
                ["model"] = random.NextDouble() < 0.7 ? "gpt-4.1-mini" : "claude-sonnet-4",
                ["promptVersion"] = released ? "v42" : "v41",
            });

        var roll = random.NextDouble();
        FeedbackSubmission submission;
        if (roll < negativeShare)
        {
            var correction = pattern.Correction is not null && random.NextDouble() < (isBad ? 0.3 : 0.1);
            submission = correction
                ? new FeedbackSubmission(null, id, FeedbackType.Correction, CorrectionText: pattern.Correction,
                    CorrectionKind: pattern.CorrectionKind,
                    Comment: Pick(pattern.Complaints))
                : new FeedbackSubmission(null, id, FeedbackType.ThumbsDown, Comment: random.NextDouble() < 0.7 ? Pick(pattern.Complaints) : null);
        }
        else if (roll < negativeShare + 0.25)
        {
            var rating = isBad ? random.Next(1, 4) : random.Next(3, 6);
            submission = new FeedbackSubmission(null, id, FeedbackType.Rating, Rating: rating);
        }
        else
        {
            submission = new FeedbackSubmission(null, id, FeedbackType.ThumbsUp,
                Comment: random.NextDouble() < 0.2 ? Pick(DemoCatalog.PositiveComments) : null);
        }
        return new FeedbackItem(submission, interaction);
    }

    private string Pick(string[] options) => options[random.Next(options.Length)];
}
