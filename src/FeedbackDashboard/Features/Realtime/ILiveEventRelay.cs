namespace FeedbackDashboard.Features.Realtime;

/// <summary>Hands an event to the open pages of this instance and, when several instances run, of the others.</summary>
public interface ILiveEventRelay
{
    Task PublishAsync(LiveEvent live);
}

/// <summary>One instance: the pages of this process are all there is.</summary>
public sealed class InProcessLiveEventRelay(LiveEvents events) : ILiveEventRelay
{
    public Task PublishAsync(LiveEvent live)
    {
        events.Deliver(live);
        return Task.CompletedTask;
    }
}
