namespace FeedbackDashboard.Core.Corrections;

public enum CorrectionStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
    Applied = 4,
}

public static class CorrectionStatusNames
{
    private static readonly Dictionary<string, CorrectionStatus> ByName = new(StringComparer.Ordinal)
    {
        ["pending"] = CorrectionStatus.Pending,
        ["approved"] = CorrectionStatus.Approved,
        ["rejected"] = CorrectionStatus.Rejected,
        ["applied"] = CorrectionStatus.Applied,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static string ToWire(this CorrectionStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out CorrectionStatus status) => ByName.TryGetValue(value ?? "", out status);
}
