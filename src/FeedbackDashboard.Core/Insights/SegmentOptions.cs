using System.ComponentModel.DataAnnotations;

namespace FeedbackDashboard.Core.Insights;

/// <summary>
/// Which metadata keys of the interactions are aggregated per day (<c>Segments:Keys</c>), and how
/// many distinct values each may have before the rest are counted as "other" (<c>Segments:MaxValues</c>).
/// </summary>
public sealed class SegmentOptions
{
    public const string SectionName = "Segments";
    public const string OtherValue = "other";
    public const int MaxKeys = 10;

    public static readonly IReadOnlyList<string> DefaultKeys = ["model", "promptVersion"];

    public List<string> Keys { get; set; } = [.. DefaultKeys];

    [Range(2, 200)]
    public int MaxValues { get; set; } = 20;

    /// <summary>Reads "model, promptVersion" (configuration's comma form) into distinct trimmed keys.</summary>
    public static List<string> ParseKeys(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
}
