using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Core.Tests.Feedback;

public class FeedbackRulesTests
{
    public static TheoryData<FeedbackSubmission, string?> Cases => new()
    {
        { new(null, "i1", FeedbackType.ThumbsUp), null },
        { new(null, "i1", FeedbackType.ThumbsDown, Comment: new string('x', 4000)), null },
        { new(null, "i1", FeedbackType.ThumbsDown, Comment: new string('x', 4001)), "comment" },
        { new(null, "i1", FeedbackType.Rating, Rating: 1), null },
        { new(null, "i1", FeedbackType.Rating, Rating: 5), null },
        { new(null, "i1", FeedbackType.Rating, Rating: 0), "value" },
        { new(null, "i1", FeedbackType.Rating, Rating: 6), "value" },
        { new(null, "i1", FeedbackType.Rating), "value" },
        { new(null, "i1", FeedbackType.Correction, CorrectionText: "The limit is 1,000."), null },
        { new(null, "i1", FeedbackType.Correction), "value" },
        { new(null, "i1", FeedbackType.Correction, CorrectionText: "   "), "value" },
        { new(null, "i1", FeedbackType.ThumbsUp, CorrectionKind: CorrectionKind.Behavior), "correctionKind" },
        { new(null, "", FeedbackType.ThumbsUp), "interactionId" },
        { new(new string('k', 200), "i1", FeedbackType.ThumbsUp), null },
        { new(new string('k', 201), "i1", FeedbackType.ThumbsUp), "id" },
        { new("", "i1", FeedbackType.ThumbsUp), "id" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_NamesTheFieldAtFault(FeedbackSubmission submission, string? badField)
    {
        var errors = FeedbackRules.Validate(submission).ToDictionary();

        if (badField is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal([badField], errors.Keys);
        }
    }

    [Fact]
    public void EffectiveCorrectionKind_DefaultsToKnowledge()
    {
        Assert.Equal(CorrectionKind.Knowledge, FeedbackRules.EffectiveCorrectionKind(new(null, "i", FeedbackType.Correction, CorrectionText: "x")));
        Assert.Equal(CorrectionKind.Behavior, FeedbackRules.EffectiveCorrectionKind(new(null, "i", FeedbackType.Correction, CorrectionText: "x", CorrectionKind: CorrectionKind.Behavior)));
        Assert.Null(FeedbackRules.EffectiveCorrectionKind(new(null, "i", FeedbackType.ThumbsUp)));
    }
}
