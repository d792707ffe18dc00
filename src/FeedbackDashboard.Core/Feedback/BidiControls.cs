namespace FeedbackDashboard.Core.Feedback;

/// <summary>
/// Unicode's bidirectional controls (embeddings, overrides, isolates and marks) reorder how text is
/// drawn: in a source or a pattern key they can make what a reviewer reads differ from what is stored
/// ("Trojan Source", CVE-2021-42574). Such names are refused.
/// </summary>
public static class BidiControls
{
    public static bool In(string? text) =>
        text is not null && text.AsSpan().IndexOfAny("\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069") >= 0;
}
