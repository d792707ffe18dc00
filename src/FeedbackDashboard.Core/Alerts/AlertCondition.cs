namespace FeedbackDashboard.Core.Alerts;

/// <summary>What one evaluation found: whether the rule's condition holds, and the value measured; Unknown when the window is not full enough to say.</summary>
public readonly record struct AlertReading(bool? Holds, double? Value)
{
    public static readonly AlertReading Unknown = new(null, null);
}

/// <summary>The pure part of alerting: a positive-rate reading from counts, and the hysteresis step.</summary>
public static class AlertCondition
{
    public const int DefaultMinItems = 10;

    public enum Step { None, Fire, Resolve }

    /// <summary>Fires on the first reading that holds; resolves on the first that does not; an unknown reading changes nothing.</summary>
    public static Step Next(bool firing, AlertReading reading) => reading.Holds switch
    {
        true when !firing => Step.Fire,
        false when firing => Step.Resolve,
        _ => Step.None,
    };

    /// <param name="current">Thumbs-up and total of the window.</param>
    /// <param name="previous">The window before it (for a drop rule), else null.</param>
    /// <param name="minItems">Fewer items than this in a window: no reading.</param>
    public static AlertReading PositiveRate(AlertRule rule, (int Up, int Total) current, (int Up, int Total)? previous, int minItems)
    {
        if (current.Total < minItems || current.Total == 0)
        {
            return AlertReading.Unknown;
        }
        var rate = (double)current.Up / current.Total;
        if (rule.DropBy is { } drop)
        {
            if (previous is not { } before || before.Total < minItems || before.Total == 0)
            {
                return AlertReading.Unknown;
            }
            var fall = (double)before.Up / before.Total - rate;
            return new AlertReading(fall >= drop - 1e-9, fall);
        }
        return new AlertReading(rate < rule.Below, rate);
    }

    /// <summary>The items a window must hold before it is judged.</summary>
    public static int MinItemsOf(AlertRule rule) => rule.WindowItems ?? rule.MinItems ?? DefaultMinItems;
}
