using FeedbackDashboard.Core.Issues;

namespace FeedbackDashboard.Core.Tests.Issues;

public class IssueTitlerTests
{
    private static (IReadOnlyList<string>, IReadOnlyList<double>, string, float[]?) Issue(params string[] texts) =>
        (texts, texts.Select(_ => 1.0).ToList(), texts[0], null);

    [Fact]
    public void ATitle_IsAPhraseTheMembersSay_NotEndingOnASmallWord()
    {
        var titles = IssueTitler.TitleAll(
        [
            Issue("My card has not arrived yet", "When will my card arrive? It has not arrived", "The new card has not arrived"),
            Issue("The app crashes on login", "Login crashes the app every time", "App crashes when I log in"),
        ]);

        Assert.All(new[] { "My card has not arrived yet", "When will my card arrive? It has not arrived", "The new card has not arrived" },
            text => Assert.Contains(titles[0], text, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("crashes", titles[1], StringComparison.OrdinalIgnoreCase);
        Assert.All(titles, t => Assert.DoesNotMatch(@"\b(the|my|a|to|of)$", t.ToLowerInvariant()));
    }

    [Fact]
    public void NoTwoIssues_ShareATitle_AndAnIssueWithNoSharedPhrase_IsTitledByItsRepresentativeText()
    {
        var titles = IssueTitler.TitleAll(
        [
            Issue("Refund still pending", "Refund still pending after a week"),
            Issue("Refund still pending", "Refund still pending for days"),
            Issue("Slow"),
        ]);

        Assert.Equal(3, titles.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("Slow", titles[2]); // one word: no phrase to share, so the representative text
        Assert.Contains(titles[0], "Refund still pending after a week", StringComparison.OrdinalIgnoreCase); // what sets it apart
        Assert.Contains(titles[1], "Refund still pending for days", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void WithAnEmbedder_TheShortListedPhraseNearestTheCentre_IsChosen()
    {
        var issue = ((IReadOnlyList<string>)["Card payment declined at the shop", "Card payment declined online", "Card payment declined again"],
            (IReadOnlyList<double>)[1.0, 1.0, 1.0], "Card payment declined", (float[]?)new float[] { 0, 1 });
        var other = Issue("The app crashes on login", "Login crashes the app");
        // Every phrase points away from the centre but one: "Payment declined".
        var titles = IssueTitler.TitleAll([issue, other], phrases => phrases.Select(p => p == "Payment declined" ? new float[] { 0, 1 } : new float[] { 1, 0 }).ToList());

        Assert.Equal("Payment declined", titles[0]);
    }

    [Fact]
    public void VersionNumbers_StayWhole()
    {
        var phrases = IssueTitler.Phrases("Python 3.8 support was dropped from the follow-up release").Select(p => p.Display).ToList();

        Assert.Contains("Python 3.8", phrases);
        Assert.DoesNotContain(phrases, p => p.Contains("3 8"));
    }
}
