using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Data;

namespace FeedbackDashboard.Features.Corrections;

/// <summary>Puts corrections in the inbox: a user's, in the transaction that stores their feedback, or a reviewer's.</summary>
public static class CorrectionInbox
{
    public static void AddFromFeedback(FeedbackDbContext db, IEnumerable<UserFeedback> stored, IReadOnlyDictionary<string, Interaction> interactions)
    {
        foreach (var feedback in stored.Where(f => f.Type == FeedbackType.Correction && f.CorrectionText is not null))
        {
            var interaction = interactions[feedback.InteractionId];
            db.Corrections.Add(new Correction
            {
                FeedbackId = feedback.Id,
                Source = feedback.Source,
                PatternKey = feedback.PatternKey,
                Query = interaction.Query,
                Answer = interaction.Response,
                OriginalText = feedback.CorrectionText!,
                Text = feedback.CorrectionText!,
                Kind = feedback.CorrectionKind ?? CorrectionKind.Knowledge,
                CreatedAt = feedback.CreatedAt,
                UpdatedAt = feedback.CreatedAt,
            });
        }
    }
}
