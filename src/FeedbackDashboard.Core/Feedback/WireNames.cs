namespace FeedbackDashboard.Core.Feedback;

/// <summary>The lowercase strings the HTTP API and SignalR use for our enums.</summary>
public static class WireNames
{
    private static readonly Dictionary<string, FeedbackType> FeedbackTypes = new(StringComparer.Ordinal)
    {
        ["positive"] = FeedbackType.ThumbsUp,
        ["negative"] = FeedbackType.ThumbsDown,
        ["correction"] = FeedbackType.Correction,
        ["rating"] = FeedbackType.Rating,
    };

    private static readonly Dictionary<string, CorrectionKind> CorrectionKinds = new(StringComparer.Ordinal)
    {
        ["knowledge"] = CorrectionKind.Knowledge,
        ["behavior"] = CorrectionKind.Behavior,
    };

    public static IReadOnlyCollection<string> FeedbackTypeNames => FeedbackTypes.Keys;

    public static IReadOnlyCollection<string> CorrectionKindNames => CorrectionKinds.Keys;

    public static string ToWire(this FeedbackType type) => type switch
    {
        FeedbackType.ThumbsUp => "positive",
        FeedbackType.ThumbsDown => "negative",
        FeedbackType.Correction => "correction",
        FeedbackType.Rating => "rating",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string ToWire(this CorrectionKind kind) => kind switch
    {
        CorrectionKind.Knowledge => "knowledge",
        CorrectionKind.Behavior => "behavior",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParseFeedbackType(string? value, out FeedbackType type) =>
        FeedbackTypes.TryGetValue(value ?? "", out type);

    public static bool TryParseCorrectionKind(string? value, out CorrectionKind kind) =>
        CorrectionKinds.TryGetValue(value ?? "", out kind);
}
