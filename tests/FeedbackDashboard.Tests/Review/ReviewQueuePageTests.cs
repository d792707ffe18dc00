using Bunit;
using FeedbackDashboard.Components.Pages.Review;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Review;

/// <summary>The review queue and a task's page, over the real app's tasks.</summary>
public class ReviewQueuePageTests(FeedbackAppFactory app) : PageTestContext(app), IClassFixture<FeedbackAppFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private async Task<long> RaiseTaskAsync(string query)
    {
        for (var i = 0; i < 5; i++)
        {
            await Api.PostFeedbackAsync(query, "negative", comment: "Wrong");
        }
        var tasks = await Api.GetItemsAsync("/api/v1/review-tasks?pageSize=200");
        return (long)tasks.Single(t => (string?)t!["representativeQuery"] == query)!["id"]!;
    }

    [Fact]
    public async Task TheQueue_ListsOpenTasks_AndTakesANewOneWithoutReload()
    {
        var existing = ApiClientExtensions.Unique("Raised before the queue opened?");
        await RaiseTaskAsync(existing);
        SignInAs(AppRoles.Reviewer);

        var page = Render<ReviewQueuePage>();
        page.WaitForAssertion(() => Assert.Contains(existing, page.Markup), Patience);

        var pushed = ApiClientExtensions.Unique("Raised while it was open?");
        await RaiseTaskAsync(pushed);
        App.Clock.Advance(ReviewTaskGrid.RenderInterval);

        page.WaitForAssertion(() =>
        {
            var row = page.FindAll("tr.mud-table-row").Single(r => r.TextContent.Contains(pushed, StringComparison.Ordinal));
            Assert.Contains("fd-row-new", row.ClassName);
        }, Patience);
    }

    [Fact]
    public async Task ATasksPage_ShowsTheTask_AndSaysSoWhenThereIsNone()
    {
        var query = ApiClientExtensions.Unique("A task of its own?");
        var id = await RaiseTaskAsync(query);
        SignInAs(AppRoles.Reviewer);

        var task = Render<TaskPage>(p => p.Add(t => t.Id, id));
        task.WaitForAssertion(() =>
        {
            Assert.Contains(query, task.Find("[data-testid=task-detail]").TextContent);
            Assert.Contains("open", task.Find("[data-testid=task-detail]").TextContent);
        }, Patience);

        var missing = Render<TaskPage>(p => p.Add(t => t.Id, 987_654_321L));
        missing.WaitForAssertion(() => Assert.Contains("There is no review task #987654321", missing.Find("[data-testid=task-missing]").TextContent), Patience);
    }
}
