namespace FeedbackDashboard.Features.Segments;

/// <summary>GET /api/v1/insights/segments: one metadata key's values over a window, side by side.</summary>
/// <param name="Keys">The keys aggregated now (Segments:Keys), for a picker.</param>
public sealed record SegmentInsights(string Key, int Days, DateOnly From, DateOnly To, string? Source, IReadOnlyList<string> Keys, IReadOnlyList<SegmentInsight> Items);

/// <param name="Value">The metadata value, or "other" for values past the key's cap.</param>
/// <param name="PositiveRate">Thumbs-up among all feedback (the Overview's definition).</param>
/// <param name="ThumbsUpShare">Thumbs-up among thumbs only; null without thumbs.</param>
/// <param name="Daily">Every day of the window, oldest first.</param>
public sealed record SegmentInsight(string Value, int TotalFeedback, double PositiveRate, double? ThumbsUpShare, IReadOnlyList<SegmentDay> Daily);

public sealed record SegmentDay(DateOnly Day, int TotalFeedback, double? PositiveRate);
