using Bunit;
using FeedbackDashboard.Components.Pages.Feedback;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Feedback;

public class FeedbackTableTests : MudTestContext
{
    private FeedbackListItem Item(FeedbackType type, object? value, string? comment, string query, Dictionary<string, string>? metadata = null) =>
        new(new FeedbackDto("fb-" + Guid.NewGuid().ToString("N"), "i-1", type, value, comment, null, Clock.GetUtcNow().AddMinutes(-3), "p", "support-bot"),
            query, metadata ?? []);

    [Fact]
    public void ScriptsInCommentsCorrectionsAndQueries_RenderAsInertText()
    {
        var items = new[]
        {
            Item(FeedbackType.ThumbsDown, null, "<script>alert('comment')</script>", "<img src=x onerror=alert('query')>"),
            Item(FeedbackType.Correction, "<b onmouseover=alert('correction')>bold</b>", "<iframe src=javascript:alert(1)>", "q"),
        };

        var table = Render<FeedbackTable>(p => p.Add(t => t.Items, items));

        Assert.Empty(table.FindAll("tbody script, tbody img, tbody iframe, tbody b"));
        Assert.Contains("&lt;script&gt;alert('comment')&lt;/script&gt;", table.Markup);
        Assert.Contains("<script>alert('comment')</script>", table.Find("tbody").TextContent);
        Assert.Contains("<b onmouseover=alert('correction')>bold</b>", table.Find("tbody").TextContent);
    }

    [Fact]
    public void Renders_TypeValueCommentQuerySourceAndAge()
    {
        var table = Render<FeedbackTable>(p => p.Add(t => t.Items, new[] { Item(FeedbackType.Rating, 4, "Pretty good", "Opening hours?") }));

        var row = table.Find("tbody tr").TextContent;
        Assert.Contains("4", row);
        Assert.Contains("Pretty good", row);
        Assert.Contains("Opening hours?", row);
        Assert.Contains("support-bot", row);
        Assert.Contains("3m ago", row);
    }

    [Fact]
    public void EachRowsMetadata_IsShownAsText_EachEntryALinkToTheFeedFilteredByIt()
    {
        var metadata = new Dictionary<string, string> { ["model"] = "<i>gpt</i>", ["promptVersion"] = "v42", ["a"] = "1", ["b"] = "2", ["c"] = "3" };

        var table = Render<FeedbackTable>(p => p.Add(t => t.Items, new[] { Item(FeedbackType.ThumbsDown, null, null, "Q?", metadata) }));

        var links = table.FindAll("[data-testid=row-metadata] a");
        Assert.Equal(["a=1", "b=2", "c=3", "model=<i>gpt</i>"], links.Select(l => l.TextContent));
        Assert.Equal("/live?metadata.model=%3Ci%3Egpt%3C%2Fi%3E", links[3].GetAttribute("href"));
        Assert.Empty(table.FindAll("[data-testid=row-metadata] i"));
        Assert.Contains("+1 more", table.Find("[data-testid=row-metadata]").TextContent);
    }

    [Fact]
    public void WithoutMetadataShown_TheRowHasNone()
    {
        var table = Render<FeedbackTable>(p => p
            .Add(t => t.Items, new[] { Item(FeedbackType.ThumbsUp, null, null, "Q?", new() { ["model"] = "m" }) })
            .Add(t => t.ShowMetadata, false));

        Assert.Empty(table.FindAll("[data-testid=row-metadata]"));
    }
}
