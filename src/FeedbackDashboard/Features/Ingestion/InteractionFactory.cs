using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Triggers;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Ingestion;

/// <summary>Makes a new interaction, assigned to its query pattern, and the pattern itself when it is new.</summary>
public sealed class InteractionFactory(IQueryPatternMatcher patternMatcher)
{
    /// <summary>Adds the interaction (and a new pattern) to the context; the caller saves.</summary>
    public async Task<Interaction> AddAsync(
        FeedbackDbContext db, InteractionSubmission submission, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var match = await patternMatcher.MatchAsync(
            new PatternRequest(submission.Query, submission.Source, submission.Pattern), cancellationToken);

        var known = db.QueryPatterns.Local.Any(p => p.Key == match.Key)
            || await db.QueryPatterns.AnyAsync(p => p.Key == match.Key, cancellationToken);
        if (!known)
        {
            db.QueryPatterns.Add(new QueryPattern { Key = match.Key, RepresentativeQuery = match.RepresentativeQuery, CreatedAt = now });
        }

        var interaction = new Interaction
        {
            Id = submission.Id,
            Query = submission.Query,
            Response = submission.Response,
            Source = submission.Source,
            RequestedPattern = submission.Pattern,
            PatternKey = match.Key,
            Metadata = new Dictionary<string, string>(submission.Metadata),
            CreatedAt = now,
        };
        db.Interactions.Add(interaction);
        return interaction;
    }
}
