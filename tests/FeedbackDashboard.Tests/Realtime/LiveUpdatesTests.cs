using Bunit;
using FeedbackDashboard.Contracts;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Core.Review;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Realtime;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Realtime;

/// <summary>Pages subscribe to live events on the server (ADR-012): one subscription per circuit, rights, order, throttling, errors.</summary>
public class LiveUpdatesTests : MudTestContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private LiveEvents Events => Services.GetRequiredService<LiveEvents>();

    private static FeedbackDto Feedback(int n) =>
        new($"fb-{n}", $"i-{n}", FeedbackType.ThumbsDown, null, null, null, DateTimeOffset.UnixEpoch, "p", "support-bot");

    private static ReviewTaskDto TaskDto(long id) =>
        new(id, ReviewTaskStatus.Open, ReviewPriority.High, "Review and update prompt/instructions", "q:x", "x?", 5, 3, 0, 0.6, "support-bot", null, null, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, Feedback(0), [], 1, false, 0.6, 5);

    [Fact]
    public void EveryEventOfTheTopic_ArrivesInOrder_AndOtherTopicsDoNot()
    {
        var probe = Render<LiveProbe>(p => p.Add(c => c.Topics, LiveTopics.Feedback));

        for (var n = 0; n < 50; n++)
        {
            Push(LiveEvent.FeedbackReceived(Feedback(n)));
        }
        Push(LiveEvent.TaskCreated(TaskDto(1)));
        Push(LiveEvent.IssuesChanged([1, 2]));

        probe.WaitForAssertion(() => Assert.Equal(50, probe.Instance.Received.Count), Patience);
        Assert.Equal(Enumerable.Range(0, 50).Select(n => $"fb-{n}"), probe.Instance.Received.Select(e => e.Feedback!.Id));
    }

    [Fact]
    public void ACircuitIsOneSubscriberOfTheInstance_HoweverManyComponentsListen_AndLeavesWithThem()
    {
        var first = Render<LiveProbe>(p => p.Add(c => c.Topics, LiveTopics.Feedback));
        var second = Render<LiveProbe>(p => p.Add(c => c.Topics, LiveTopics.Feedback | LiveTopics.Tasks));
        Assert.Equal(1, Events.SubscriberCount);

        second.Instance.Dispose();
        Push(LiveEvent.FeedbackReceived(Feedback(1)));

        first.WaitForAssertion(() => Assert.Single(first.Instance.Received), Patience);
        Assert.Empty(second.Instance.Received);
        Services.GetRequiredService<FeedbackDashboard.Components.Shared.LiveUpdates>().Dispose();
        Assert.Equal(0, Events.SubscriberCount);
    }

    [Fact]
    public void ReviewTasks_ReachOnlyThoseTheReviewPolicyAdmits()
    {
        Authorization.SetRoles(AppRoles.ProductManager);
        Authorization.SetPolicies(AccessPolicies.Read);
        var probe = Render<LiveProbe>(p => p.Add(c => c.Topics, LiveTopics.Tasks | LiveTopics.Feedback));

        Push(LiveEvent.TaskCreated(TaskDto(1)));
        Push(LiveEvent.TaskUpdated(TaskDto(1)));
        Push(LiveEvent.FeedbackReceived(Feedback(1)));

        probe.WaitForAssertion(() => Assert.Single(probe.Instance.Received), Patience);
        probe.Render(); // after everything queued on its dispatcher
        Assert.Equal(LiveEventKind.FeedbackReceived, Assert.Single(probe.Instance.Received).Kind);
    }

    [Fact]
    public void ASignedOutCircuit_ReceivesNothing()
    {
        Authorization.SetNotAuthorized();
        Authorization.SetPolicies();
        var probe = Render<LiveProbe>(p => p.Add(c => c.Topics, LiveTopics.Tasks | LiveTopics.Feedback | LiveTopics.Issues));

        Push(LiveEvent.FeedbackReceived(Feedback(1)));
        Push(LiveEvent.IssuesChanged([]));
        Push(LiveEvent.TaskCreated(TaskDto(1)));

        // Delivery is synchronous up to the component's dispatcher: nothing queued means nothing will come.
        probe.Render();
        Assert.Empty(probe.Instance.Received);
    }

    [Fact]
    public void ABurst_BecomesOneRefreshPerInterval()
    {
        var interval = TimeSpan.FromSeconds(1);
        var probe = Render<LiveProbe>(p => p.Add(c => c.Topics, LiveTopics.Feedback).Add(c => c.ThrottleFor, interval));

        for (var n = 0; n < 200; n++)
        {
            Push(LiveEvent.FeedbackReceived(Feedback(n)));
        }
        Assert.Equal(0, probe.Instance.Refreshes);
        Clock.Advance(interval);
        probe.WaitForAssertion(() => Assert.Equal(1, probe.Instance.Refreshes), Patience);

        Push(LiveEvent.FeedbackReceived(Feedback(201)));
        Clock.Advance(interval);
        probe.WaitForAssertion(() => Assert.Equal(2, probe.Instance.Refreshes), Patience);
    }

    [Fact]
    public void AHandlerThatThrows_GoesToTheComponentsErrorBoundary_AndOthersGoOn()
    {
        var bystander = Render<LiveProbe>(p => p.Add(c => c.Topics, LiveTopics.Feedback));
        var boundary = Render<ErrorBoundary>(p => p
            .Add(b => b.ChildContent, builder =>
            {
                builder.OpenComponent<LiveProbe>(0);
                builder.AddAttribute(1, nameof(LiveProbe.Topics), LiveTopics.Feedback);
                builder.AddAttribute(2, nameof(LiveProbe.Throw), true);
                builder.CloseComponent();
            })
            .Add(b => b.ErrorContent, error => builder => builder.AddMarkupContent(0, $"<p data-testid=failed>{error.Message}</p>")));

        Push(LiveEvent.FeedbackReceived(Feedback(1)));

        boundary.WaitForAssertion(() => Assert.Equal("The handler failed.", boundary.Find("[data-testid=failed]").TextContent), Patience);
        Push(LiveEvent.FeedbackReceived(Feedback(2)));
        bystander.WaitForAssertion(() => Assert.Equal(["fb-1", "fb-2"], bystander.Instance.Received.Select(e => e.Feedback!.Id)), Patience);
    }
}
