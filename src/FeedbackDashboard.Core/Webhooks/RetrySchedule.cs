namespace FeedbackDashboard.Core.Webhooks;

/// <summary>
/// When a failed delivery is tried again: 10 s, then doubling up to an hour between attempts, for
/// three days (about 80 attempts). A receiver down for an hour gets the event within an hour of
/// coming back.
/// </summary>
public static class RetrySchedule
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(3);

    /// <summary>The wait after the given number of failed attempts (1 for the first failure).</summary>
    public static TimeSpan Delay(int failedAttempts)
    {
        var exponent = Math.Min(Math.Max(0, failedAttempts - 1), 20);
        var delay = TimeSpan.FromTicks(First.Ticks * (1L << exponent));
        return delay > Longest ? Longest : delay;
    }

    /// <summary>Whether to try again, given when the event was first queued.</summary>
    public static bool KeepTrying(DateTimeOffset queuedAt, DateTimeOffset now) => now - queuedAt < GiveUpAfter;
}
