using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Core.Insights;

public static class InsightWindows
{
    /// <summary>A source filter as given: blank means every source.</summary>
    public static string? Source(string? source) => string.IsNullOrWhiteSpace(source) ? null : source.Trim();

    /// <summary>`from`..`to` when both are given, else the last `days` days; errors name the parameter.</summary>
    public static (InsightWindow? Window, ValidationErrors Errors) Parse(int days, DateOnly? from, DateOnly? to, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (from is not null || to is not null)
        {
            if (from is null || to is null)
            {
                errors.Add(from is null ? "from" : "to", "Give both from and to, or neither.");
            }
            else if (from < InsightWindow.Earliest)
            {
                errors.Add("from", $"The start must be {InsightWindow.Earliest:yyyy-MM-dd} or later.");
            }
            else if (to > InsightWindow.Latest)
            {
                errors.Add("to", $"The end must be {InsightWindow.Latest:yyyy-MM-dd} or earlier.");
            }
            else if (to < from)
            {
                errors.Add("to", "The end is before the start.");
            }
            else if (to.Value.DayNumber - from.Value.DayNumber + 1 > InsightWindow.MaxDays)
            {
                errors.Add("from", $"At most {InsightWindow.MaxDays} days.");
            }
            return errors.IsEmpty ? (new InsightWindow(from!.Value, to!.Value), errors) : (null, errors);
        }
        if (days < 1 || days > InsightWindow.MaxDays)
        {
            errors.Add("days", $"The days must be from 1 to {InsightWindow.MaxDays}.");
            return (null, errors);
        }
        return (InsightWindow.LastDays(days, now), errors);
    }
}
