using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace FeedbackDashboard.Core.Knowledge;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>A line diff (DiffPlex's Myers diff, inline), for showing what a new version changes.</summary>
public static class TextDiff
{
    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        before = Normalize(before);
        after = Normalize(after);
        // DiffPlex reads an empty text as one empty line; here it is no line at all.
        if (before.Length == 0 || after.Length == 0)
        {
            return [.. Split(before).Select(l => new DiffLine(DiffKind.Removed, l)), .. Split(after).Select(l => new DiffLine(DiffKind.Added, l))];
        }
        return InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false, ignoreCase: false).Lines
            .Where(line => line.Type != ChangeType.Imaginary)
            .Select(line => new DiffLine(line.Type switch
            {
                ChangeType.Deleted => DiffKind.Removed,
                ChangeType.Inserted => DiffKind.Added,
                _ => DiffKind.Same,
            }, line.Text))
            .ToList();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string[] Split(string text) => text.Length == 0 ? [] : text.Split('\n');
}
