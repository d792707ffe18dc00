using FeedbackDashboard.Core.Text;
using FeedbackDashboard.Core.Triggers;

namespace FeedbackDashboard.Core.Tests.Text;

public class QueryTextTests
{
    [Theory]
    [InlineData("How do I reset my password?", "how do i reset my password")]
    [InlineData("  how   do I reset MY password  ", "how do i reset my password")]
    [InlineData("How do I reset my password!!!", "how do i reset my password")]
    [InlineData("What's the API rate-limit?", "what s the api rate limit")]
    [InlineData("Ünïcödé Straße", "ünïcödé straße")]
    [InlineData("ＦＵＬＬ width", "full width")]
    [InlineData("?!", "")]
    public void Normalize_FoldsCaseWhitespaceAndPunctuation(string query, string expected) =>
        Assert.Equal(expected, QueryText.Normalize(query));
}
