using FeedbackDashboard.Core.Triggers;

namespace FeedbackDashboard.Core.Review;

/// <summary>
/// How much a flagged pattern hurts users now, and whether it has recovered. The design's priority
/// (high when more than 5 items are related) only grows with a task's age; severity ranks the queue
/// by the present: the negative share of the pattern's current window, how many users it reached
/// recently, and whether it is getting worse or better. docs/decisions/ADR-011 has worked examples.
/// </summary>
public static class TaskHealth
{
    /// <summary>"Recently": the pattern's feedback of the last 7 days counts as its reach.</summary>
    public const int ReachDays = 7;

    /// <summary>Reach at which the reach weight is 1: a thousand items a week.</summary>
    public const int ReachSaturation = 1_000;

    /// <summary>How strongly a change between the previous and the current window moves severity (±50% at most).</summary>
    public const double TrendWeight = 0.5;

    /// <param name="newestFirst">The pattern's newest items, newest first: at least 2 windows' worth where there are that many.</param>
    /// <param name="itemsSinceRaised">How many of those arrived after the task was raised.</param>
    /// <param name="recentReach">The pattern's feedback items in the last <see cref="ReachDays"/> days.</param>
    /// <param name="recoveringAfterItems">Review:RecoveringAfterItems: windows in a row back under the threshold.</param>
    public static TaskHealthAssessment Assess(
        IReadOnlyList<FeedbackSignal> newestFirst, int itemsSinceRaised, int recentReach, TriggerOptions options, int recoveringAfterItems)
    {
        var current = TriggerRule.Evaluate(newestFirst, options);
        var previousItems = newestFirst.Skip(options.WindowSize).ToList();
        var previous = previousItems.Count >= options.MinimumItems ? TriggerRule.Evaluate(previousItems, options) : null;
        var severity = Severity(current.NegativeShare, previous?.NegativeShare, recentReach);
        return new TaskHealthAssessment(
            severity, IsRecovering(newestFirst, itemsSinceRaised, options, recoveringAfterItems), current.NegativeShare, previous?.NegativeShare, recentReach);
    }

    /// <summary>
    /// 100 × share × reach weight × trend factor, from 0 to 100: share is the current window's
    /// negative share; the reach weight is log10(1 + reach) / log10(1 + 1000), capped at 1; the trend
    /// factor is 1 + 0.5 × (share − previous share), 1 when there is no previous window.
    /// </summary>
    public static double Severity(double share, double? previousShare, int recentReach)
    {
        var reach = Math.Min(1, Math.Log10(1 + Math.Max(0, recentReach)) / Math.Log10(1 + ReachSaturation));
        var trend = 1 + TrendWeight * (share - (previousShare ?? share));
        return Math.Round(Math.Clamp(100 * share * reach * trend, 0, 100), 1);
    }

    /// <summary>
    /// Recovering: each of the last <paramref name="afterItems"/> items, all after the task was raised,
    /// left the pattern's window at or under the threshold (the window ending at that item).
    /// </summary>
    public static bool IsRecovering(IReadOnlyList<FeedbackSignal> newestFirst, int itemsSinceRaised, TriggerOptions options, int afterItems)
    {
        if (afterItems < 1 || itemsSinceRaised < afterItems || newestFirst.Count < afterItems)
        {
            return false;
        }
        for (var k = 0; k < afterItems; k++)
        {
            if (TriggerRule.Evaluate(newestFirst.Skip(k), options).NegativeShare > options.NegativeShareThreshold)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>How many of a pattern's newest items <see cref="Assess"/> needs.</summary>
    public static int ItemsNeeded(TriggerOptions options, int recoveringAfterItems) =>
        Math.Max(2 * options.WindowSize, recoveringAfterItems + options.WindowSize - 1);
}

/// <param name="Severity">0 to 100; higher hurts more users now.</param>
/// <param name="Recovering">The pattern's window has been back under the threshold for the configured number of items.</param>
/// <param name="CurrentShare">The negative share of the pattern's current window.</param>
/// <param name="PreviousShare">The window before it, when it holds enough items.</param>
/// <param name="RecentReach">The pattern's feedback items in the last 7 days.</param>
public sealed record TaskHealthAssessment(double Severity, bool Recovering, double CurrentShare, double? PreviousShare, int RecentReach);
