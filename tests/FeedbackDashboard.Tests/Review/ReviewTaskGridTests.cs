using Bunit;
using Bunit.Extensions.WaitForHelpers;
using FeedbackDashboard.Components.Pages.Review;
using FeedbackDashboard.Components.Shared;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Features.Feedback;
using FeedbackDashboard.Features.Realtime;
using FeedbackDashboard.Features.Review;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Review;

public class ReviewTaskGridTests : MudTestContext
{
    // The whole suite runs its classes in parallel on two cores: renders wait their turn.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private ReviewTaskDto Task(long id, ReviewPriority priority = ReviewPriority.High, string query = "How do I reset my password?", string? patternKey = null,
        int related = 9, int negatives = 3, TimeSpan? age = null, ReviewTaskStatus status = ReviewTaskStatus.Open, string source = "support-bot", string? assignee = null,
        double severity = 0, bool recovering = false) =>
        new(id, status, priority, "Review and update prompt/instructions", patternKey ?? "q:" + query.ToLowerInvariant().TrimEnd('?'), query,
            related, negatives, 0, (double)negatives / related, source, assignee is null ? null : "id-" + assignee, assignee, null,
            Clock.GetUtcNow() - (age ?? TimeSpan.FromHours(3)), Clock.GetUtcNow(), null,
            new FeedbackDto("fb-" + id, "i-" + id, FeedbackType.ThumbsDown, null, "<script>alert(1)</script>", null, Clock.GetUtcNow(), "p", source), [],
            severity, recovering, (double)negatives / related, related);

    private IRenderedComponent<ReviewTaskGrid> RenderGrid(params ReviewTaskDto[] tasks) =>
        Render<ReviewTaskGrid>(p => p
            .Add(g => g.Tasks, tasks)
            .Add(g => g.CurrentUserId, "id-me@demo.local")
            .Add(g => g.Virtualize, false));

    private Task PushAsync(string name, ReviewTaskDto task)
    {
        Push(name == "ReviewTaskCreated" ? LiveEvent.TaskCreated(task) : LiveEvent.TaskUpdated(task));
        return System.Threading.Tasks.Task.CompletedTask;
    }

    [Fact]
    public void Renders_EachTaskWithPriorityPatternShareAgeStatusAndAssignee()
    {
        var grid = RenderGrid(
            Task(1, ReviewPriority.High, age: TimeSpan.FromHours(3), severity: 12.5),
            Task(2, ReviewPriority.Medium, "Refund window?", patternKey: "refunds", related: 5, negatives: 2, age: TimeSpan.FromMinutes(12), status: ReviewTaskStatus.InReview, assignee: "rita@demo.local", severity: 3));

        var rows = grid.FindAll("tbody tr.mud-table-row");
        Assert.Equal(2, rows.Count);
        Assert.Contains("high", rows[0].TextContent);
        Assert.Contains("How do I reset my password?", rows[0].TextContent);
        Assert.Contains("33% · 3 of 9", rows[0].TextContent);
        Assert.Contains("3h", rows[0].TextContent);
        Assert.Contains("12.5", rows[0].TextContent);
        Assert.DoesNotContain("how do i reset my password", rows[0].TextContent); // a folded query is not repeated
        Assert.Contains("refunds", rows[1].TextContent); // an application's pattern key is
        Assert.Contains("in review", rows[1].TextContent);
        Assert.Contains("rita@demo.local", rows[1].TextContent);
    }

    [Fact]
    public void Renders_QueryTextAsTextNotMarkup()
    {
        var grid = RenderGrid(Task(3, query: "<img src=x onerror=alert(1)>"));

        Assert.Empty(grid.FindAll("tbody img"));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", grid.Markup);
    }

    [Fact]
    public void Filters_BySearchAndMine()
    {
        var grid = RenderGrid(
            Task(1, ReviewPriority.High, "Password reset?"),
            Task(2, ReviewPriority.Medium, "Opening hours?"),
            Task(3, ReviewPriority.High, "Refund window?", status: ReviewTaskStatus.InReview, assignee: "me@demo.local"));

        grid.Find("[data-testid=queue-search] input, input[data-testid=queue-search]").Input("hours");
        AdvanceUntil(grid, () =>
        {
            Assert.Equal([2L], grid.Instance.Visible.Select(t => t.Id));
            Assert.Single(grid.FindAll("tbody tr.mud-table-row"));
        });

        grid.Find("[data-testid=queue-search] input, input[data-testid=queue-search]").Input("");
        grid.FindComponents<MudBlazor.MudSwitch<bool>>().Single().Find("input").Change(true);
        AdvanceUntil(grid, () => Assert.Equal([3L], grid.Instance.Visible.Select(t => t.Id)));
    }

    /// <summary>
    /// The search box debounces on the app's clock, and its timer may be set only after the input
    /// event returns: the clock moves on in steps until the assertion holds.
    /// </summary>
    private void AdvanceUntil(IRenderedComponent<ReviewTaskGrid> grid, Action assertion)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(250));
            try
            {
                grid.WaitForAssertion(assertion, TimeSpan.FromMilliseconds(250));
                return;
            }
            catch (WaitForFailedException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }

    [Fact]
    public void Filters_ByPriorityAndSource_FromTheirMenus()
    {
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var grid = RenderGrid(
            Task(1, ReviewPriority.High, source: "support-bot"),
            Task(2, ReviewPriority.Medium, "Opening hours?", source: "sales-bot"),
            Task(3, ReviewPriority.High, "Refund window?", source: "sales-bot"));

        Choose(popovers, grid, "queue-priority", "high");
        grid.WaitForAssertion(() => Assert.Equal([1L, 3L], grid.Instance.Visible.Select(t => t.Id).Order()), Patience);
        Assert.Contains("Priority: high", grid.Markup);

        Choose(popovers, grid, "queue-source", "sales-bot");
        grid.WaitForAssertion(() => Assert.Equal([3L], grid.Instance.Visible.Select(t => t.Id)), Patience);

        Choose(popovers, grid, "queue-priority", "any");
        grid.WaitForAssertion(() => Assert.Equal([2L, 3L], grid.Instance.Visible.Select(t => t.Id).Order()), Patience);
    }

    [Fact]
    public void HeaderClick_SortsAscendingThenDescendingThenBySeverity()
    {
        var grid = RenderGrid(
            Task(1, query: "Bravo?", related: 10, negatives: 5, severity: 30),
            Task(2, query: "Alpha?", related: 10, negatives: 9, severity: 20),
            Task(3, query: "Charlie?", related: 10, negatives: 4, severity: 10));
        IEnumerable<long> Shown() => grid.FindAll("tbody tr.mud-table-row").Select(r => long.Parse(r.QuerySelector("input")!.GetAttribute("aria-label")!.Split('#')[1]));
        var negative = () => grid.FindAll("thead button").Single(b => b.TextContent.Contains("Negative"));

        negative().Click();
        Assert.Equal([3L, 1L, 2L], Shown());
        Assert.Equal("ascending", negative().ParentElement!.GetAttribute("aria-sort"));
        negative().Click();
        Assert.Equal([2L, 1L, 3L], Shown());
        negative().Click();
        Assert.Equal([1L, 2L, 3L], Shown());
        Assert.Null(negative().ParentElement!.GetAttribute("aria-sort"));

        grid.FindAll("thead button").Single(b => b.TextContent.Contains("Pattern")).Click();
        Assert.Equal([2L, 1L, 3L], Shown());
    }

    [Fact]
    public void DefaultOrder_IsMostSevereFirst_NotHighPriorityFirst()
    {
        var grid = RenderGrid(
            Task(1, ReviewPriority.High, "Old, mostly recovered?", related: 86, negatives: 8, severity: 4.2),
            Task(2, ReviewPriority.Medium, "New and all negative?", related: 5, negatives: 5, severity: 25.9),
            Task(3, ReviewPriority.High, "Steady and wide?", related: 40, negatives: 16, severity: 40));

        var order = grid.FindAll("tbody tr.mud-table-row").Select(r => r.QuerySelector("[data-testid=pattern-cell]")!.TextContent.Trim()).ToList();

        Assert.Equal(["Steady and wide?", "New and all negative?", "Old, mostly recovered?"], order);
        Assert.Equal("25.9", grid.FindAll("[data-testid=severity]")[1].TextContent.Trim());
    }

    [Fact]
    public void RecoveringTask_IsMarked_AndResolvesInOneClick()
    {
        var resolved = new List<long>();
        var grid = Render<ReviewTaskGrid>(p => p
            .Add(g => g.Tasks, [Task(1, severity: 2, recovering: true), Task(2, query: "Still bad?", severity: 50)])
            .Add(g => g.Virtualize, false)
            .Add(g => g.OnResolveRecovered, task => resolved.Add(task.Id)));

        var rows = grid.FindAll("tbody tr.mud-table-row");
        Assert.Contains("recovering", rows[1].TextContent);
        Assert.DoesNotContain("recovering", rows[0].TextContent);
        grid.Find("[data-testid=resolve-recovered]").Click();
        Assert.Equal([1L], resolved);
    }

    [Fact]
    public void Checkboxes_SelectRowsAndAll_WithoutOpeningThem()
    {
        HashSet<ReviewTaskDto> selected = [];
        var opened = new List<long>();
        var grid = Render<ReviewTaskGrid>(p => p
            .Add(g => g.Tasks, [Task(1), Task(2, query: "Second?"), Task(3, query: "Third?")])
            .Add(g => g.Virtualize, false)
            .Add(g => g.SelectedItemsChanged, items => selected = items)
            .Add(g => g.OnOpen, task => opened.Add(task.Id)));
        var box = (long id) => grid.Find($"tbody input[aria-label='Select task #{id}']");

        box(1).Change(true);
        box(3).Change(true);
        Assert.Equal([1L, 3L], selected.Select(t => t.Id).Order());
        Assert.True(box(1).HasAttribute("checked"));
        Assert.False(box(2).HasAttribute("checked"));

        box(1).Change(false);
        Assert.Equal([3L], selected.Select(t => t.Id));

        grid.Find("thead input[aria-label='Select all']").Change(true);
        Assert.Equal([1L, 2L, 3L], selected.Select(t => t.Id).Order());
        grid.Find("thead input[aria-label='Select all']").Change(false);
        Assert.Empty(selected);
        Assert.Empty(opened);

        grid.FindAll("tbody tr.mud-table-row")[1].Click();
        Assert.Equal([2L], opened);
    }

    /// <summary>Opens a filter's menu and picks an option: the options exist only while the menu is open.</summary>
    private static void Choose(IRenderedComponent<MudBlazor.MudPopoverProvider> popovers, IRenderedComponent<ReviewTaskGrid> grid, string filter, string option)
    {
        Assert.Empty(popovers.FindAll($"[data-testid={filter}-option]"));
        grid.Find($"[data-testid={filter}] button, button[data-testid={filter}]").Click();
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll($"[data-testid={filter}-option]")), Patience);
        popovers.FindAll($"[data-testid={filter}-option]").Single(o => o.TextContent.Trim() == option).Click();
    }

    [Fact]
    public async Task PushedTask_TakesItsPlaceBySeverity_Highlighted()
    {
        var grid = RenderGrid(Task(1, severity: 50), Task(2, query: "Mild?", severity: 1));

        await grid.InvokeAsync(() => PushAsync("ReviewTaskCreated", Task(7, query: "A brand new problem?", severity: 20)));
        Clock.Advance(ReviewTaskGrid.RenderInterval);

        grid.WaitForAssertion(() =>
        {
            var rows = grid.FindAll("tbody tr.mud-table-row");
            Assert.Equal(3, rows.Count);
            Assert.Contains("A brand new problem?", rows[1].TextContent);
            Assert.Contains("fd-row-new", rows[1].ClassName);
        }, Patience);
    }

    [Fact]
    public async Task PushedUpdate_ChangesItsRowInPlace()
    {
        var grid = RenderGrid(Task(1), Task(2, query: "Second?"));

        await grid.InvokeAsync(() => PushAsync("ReviewTaskUpdated", Task(1, status: ReviewTaskStatus.InReview, assignee: "rita@demo.local")));
        Clock.Advance(ReviewTaskGrid.RenderInterval);

        grid.WaitForAssertion(() =>
        {
            var rows = grid.FindAll("tbody tr.mud-table-row");
            Assert.Equal(2, rows.Count);
            Assert.Contains("rita@demo.local", rows.Single(r => r.TextContent.Contains("How do I reset")).TextContent);
            Assert.DoesNotContain("fd-row-new", rows[0].ClassName);
        }, Patience);
    }

    [Fact]
    public async Task BurstOfPushes_RendersOnceAtTheEndOfTheInterval()
    {
        var grid = RenderGrid(Task(1));
        var rendersBefore = grid.Instance.OwnRenders;

        await grid.InvokeAsync(async () =>
        {
            for (var id = 100; id < 300; id++)
            {
                await PushAsync("ReviewTaskCreated", Task(id, query: $"Burst {id}?"));
            }
        });
        var rendersDuringBurst = grid.Instance.OwnRenders - rendersBefore;
        Clock.Advance(ReviewTaskGrid.RenderInterval);

        grid.WaitForAssertion(() => Assert.Equal(201, grid.FindAll("tbody tr.mud-table-row").Count), Patience);
        Assert.Equal(0, rendersDuringBurst);
        Assert.InRange(grid.Instance.OwnRenders - rendersBefore, 1, 2);
    }
}
