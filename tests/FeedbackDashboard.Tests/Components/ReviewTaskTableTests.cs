using Bunit;
using FeedbackDashboard.Components.Pages.Review;
using FeedbackDashboard.Features.Ingestion;
using FeedbackDashboard.Features.Review;

namespace FeedbackDashboard.Tests.Components;

public class ReviewTaskTableTests : MudTestContext
{
    private ReviewTaskDto Task(long id, string priority, string query, string patternKey, int related, int negatives, TimeSpan age, string status = "open") =>
        new(id, status, priority, "Review and update prompt/instructions", patternKey, query, related, negatives, 0,
            (double)negatives / related, null, null, Clock.GetUtcNow() - age, Clock.GetUtcNow(), null,
            new FeedbackDto("fb-1", "i-1", "negative", null, "<script>alert(1)</script>", null, Clock.GetUtcNow(), patternKey, "app"), []);

    [Fact]
    public void Renders_EachTaskWithPriorityPatternShareAgeAndStatus()
    {
        var tasks = new[]
        {
            Task(1, "high", "How do I reset my password?", "how do i reset my password", 9, 3, TimeSpan.FromHours(3)),
            Task(2, "medium", "Refund window?", "refunds", 5, 2, TimeSpan.FromMinutes(12), "in_review"),
        };

        var table = Render<ReviewTaskTable>(p => p.Add(t => t.Tasks, tasks));

        var rows = table.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("high", rows[0].TextContent);
        Assert.Contains("How do I reset my password?", rows[0].TextContent);
        Assert.Contains("33% (3)", rows[0].TextContent);
        Assert.Contains("3h", rows[0].TextContent);
        Assert.Contains("open", rows[0].TextContent);
        Assert.DoesNotContain("how do i reset my password", rows[0].TextContent); // a folded query is not repeated
        Assert.Contains("refunds", rows[1].TextContent); // an application's pattern key is shown under the query
        Assert.Contains("in review", rows[1].TextContent);
        Assert.Contains("12m", rows[1].TextContent);
    }

    [Fact]
    public void Renders_TheEmptyStateWhenThereAreNoTasks()
    {
        var table = Render<ReviewTaskTable>(p => p.Add(t => t.Tasks, Array.Empty<ReviewTaskDto>()));

        Assert.Contains("No review tasks here", table.Markup);
    }

    [Fact]
    public void Renders_QueryTextAsTextNotMarkup()
    {
        var tasks = new[] { Task(3, "high", "<img src=x onerror=alert(1)>", "p", 6, 3, TimeSpan.FromDays(2)) };

        var table = Render<ReviewTaskTable>(p => p.Add(t => t.Tasks, tasks));

        Assert.Empty(table.FindAll("tbody img"));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", table.Markup);
    }
}
