using System.Text.Json;
using FeedbackDashboard.Core.Changes;
using FeedbackDashboard.Core.Corrections;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Knowledge;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Core.Webhooks;

namespace FeedbackDashboard.Core.Tests;

/// <summary>The names our enums travel by are a contract: the API, the hub, CSV, query strings and the audit log all use them.</summary>
public class WireNamesTests
{
    [Fact]
    public void EachEnum_HasExactlyTheDocumentedNames()
    {
        Assert.Equal(["positive", "negative", "correction", "rating"], WireNames.All<FeedbackType>());
        Assert.Equal(["knowledge", "behavior"], WireNames.All<CorrectionKind>());
        Assert.Equal(["open", "in_review", "resolved", "dismissed"], WireNames.All<ReviewTaskStatus>());
        Assert.Equal(["medium", "high"], WireNames.All<ReviewPriority>());
        Assert.Equal(["severity", "newest", "oldest", "priority", "negative_share", "related"], WireNames.All<ReviewTaskSort>());
        Assert.Equal(["pending", "approved", "rejected", "applied"], WireNames.All<CorrectionStatus>());
        Assert.Equal(["draft", "published", "superseded"], WireNames.All<InstructionsStatus>());
        Assert.Equal(["pending", "delivered", "failed"], WireNames.All<DeliveryStatus>());
        Assert.Equal(["collecting", "improved", "worse", "no_change"], WireNames.All<ChangeVerdict>());
    }

    [Fact]
    public void TheSerializer_WritesAndReadsTheSameNames_AndRefusesNumbers()
    {
        Assert.Equal("\"in_review\"", JsonSerializer.Serialize(ReviewTaskStatus.InReview));
        Assert.Equal("\"negative\"", JsonSerializer.Serialize(FeedbackType.ThumbsDown));
        Assert.Equal(FeedbackType.ThumbsUp, JsonSerializer.Deserialize<FeedbackType>("\"positive\""));
        Assert.Equal(CorrectionKind.Behavior, JsonSerializer.Deserialize<CorrectionKind?>("\"behavior\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FeedbackType>("2"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FeedbackType>("\"ThumbsDown\""));
    }

    [Theory]
    [InlineData("in_review", true)]
    [InlineData("InReview", false)]
    [InlineData("IN_REVIEW", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Parsing_IsExactAndCaseSensitive(string? wire, bool parses)
    {
        Assert.Equal(parses, WireNames.TryParse<ReviewTaskStatus>(wire, out var status));
        if (parses)
        {
            Assert.Equal(ReviewTaskStatus.InReview, status);
            Assert.Equal(wire, status.ToWire());
            Assert.Equal(wire, WireNames.Of(status));
        }
    }
}
