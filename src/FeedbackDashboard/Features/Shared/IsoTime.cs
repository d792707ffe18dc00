using System.Globalization;
using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Features.Shared;

/// <summary>A time given in a query string (from, to): ISO 8601, a date or a time, UTC unless it says otherwise.</summary>
public static class IsoTime
{
    public static DateTimeOffset? Parse(string? text, string name, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }
        errors.Add(name, "Use an ISO 8601 date or time, such as 2026-12-01 or 2026-12-01T09:30:00Z.");
        return null;
    }
}
