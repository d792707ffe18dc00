using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Data;

namespace FeedbackDashboard.Features.Feedback;

/// <summary>
/// Makes a new interaction. Its query pattern is left for the pipeline to assign after the
/// commit, so that embedding the query never slows the acknowledgement.
/// </summary>
public sealed class InteractionFactory
{
    /// <summary>Adds the interaction to the context; the caller saves.</summary>
    public Interaction Add(FeedbackDbContext db, InteractionSubmission submission, DateTimeOffset now)
    {
        var interaction = Create(submission, now);
        db.Interactions.Add(interaction);
        return interaction;
    }

    /// <summary>The interaction, not yet in any context.</summary>
    public Interaction Create(InteractionSubmission submission, DateTimeOffset now)
    {
        return new Interaction
        {
            Id = submission.Id,
            Query = submission.Query,
            Response = submission.Response,
            Source = submission.Source,
            RequestedPattern = submission.Pattern,
            Metadata = new Dictionary<string, string>(submission.Metadata),
            CreatedAt = now,
        };
    }
}
