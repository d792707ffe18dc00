namespace FeedbackDashboard.Core.Knowledge;

/// <summary>How a behavior correction changes the instructions: it is added as a rule at the end.</summary>
public static class InstructionsDraft
{
    public static string WithCorrection(string? current, string correction)
    {
        var rule = "- " + string.Join(" ", correction.Trim().Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        if (string.IsNullOrWhiteSpace(current))
        {
            return rule;
        }
        var lines = current.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        return lines.Contains(rule) ? string.Join("\n", lines) : string.Join("\n", lines) + "\n" + rule;
    }
}
