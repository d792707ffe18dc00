using System.Globalization;
using FeedbackDashboard.Core.Insights;

namespace FeedbackDashboard.Components.Shared.Insights;

/// <summary>
/// The window and source the Overview and the Issues page show: the last 7, 30 or 90 days, or a
/// custom range of UTC days; one source, or all. It travels in the page's address (days, from, to,
/// source), so a link from one page to the other keeps it.
/// </summary>
public sealed record InsightFilter(int Days = 30, DateOnly? From = null, DateOnly? To = null, string? Source = null)
{
    public static readonly int[] PresetDays = [7, 30, 90];

    public bool IsCustom => From is not null && To is not null;

    public InsightWindow Window(DateTimeOffset now) => IsCustom ? new InsightWindow(From!.Value, To!.Value) : InsightWindow.LastDays(Days, now);

    /// <summary>From the address's query values; anything malformed falls back to the last 30 days, all sources.</summary>
    public static InsightFilter Parse(int? days, string? from, string? to, string? source)
    {
        var blankSource = string.IsNullOrWhiteSpace(source) ? null : source;
        if (TryDate(from, out var start) && TryDate(to, out var end) && InsightWindow.IsValidRange(start, end))
        {
            return new InsightFilter(0, start, end, blankSource);
        }
        return new InsightFilter(days is >= 1 and <= InsightWindow.MaxDays ? days.Value : 30, null, null, blankSource);
    }

    /// <summary>The query string that gives this filter back (without the leading '?').</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        if (IsCustom)
        {
            parts.Add($"from={Date(From!.Value)}");
            parts.Add($"to={Date(To!.Value)}");
        }
        else
        {
            parts.Add($"days={Days.ToString(CultureInfo.InvariantCulture)}");
        }
        if (Source is not null)
        {
            parts.Add($"source={Uri.EscapeDataString(Source)}");
        }
        return string.Join('&', parts);
    }

    /// <summary>The same query with explicit dates, as the API's exports take it.</summary>
    public string ToDatesQuery(DateTimeOffset now)
    {
        var window = Window(now);
        var query = $"from={Date(window.From)}&to={Date(window.To)}";
        return Source is null ? query : $"{query}&source={Uri.EscapeDataString(Source)}";
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryDate(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
