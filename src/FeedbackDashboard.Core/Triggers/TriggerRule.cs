namespace FeedbackDashboard.Core.Triggers;

/// <summary>The design's rule: more than 30% of the last 10 items on a pattern are negative.</summary>
public static class TriggerRule
{
    /// <param name="window">The pattern's most recent feedback, newest first; only the first WindowSize are read.</param>
    public static TriggerEvaluation Evaluate(IEnumerable<FeedbackSignal> window, TriggerOptions options)
    {
        var count = 0;
        var negatives = 0;
        foreach (var signal in window.Take(options.WindowSize))
        {
            count++;
            if (signal.IsNegative(options))
            {
                negatives++;
            }
        }

        // Compare as integers (negatives > threshold * count) would round; the share is what the design names.
        var fires = count >= options.MinimumItems && count > 0
            && (double)negatives / count > options.NegativeShareThreshold;
        return new TriggerEvaluation(count, negatives, fires);
    }
}
