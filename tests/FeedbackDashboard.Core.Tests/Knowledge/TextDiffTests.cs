using FeedbackDashboard.Core.Knowledge;

namespace FeedbackDashboard.Core.Tests.Knowledge;

public class TextDiffTests
{
    private static string Render(IEnumerable<DiffLine> lines) =>
        string.Join("|", lines.Select(l => (l.Kind switch { DiffKind.Added => "+", DiffKind.Removed => "-", _ => " " }) + l.Text));

    [Theory]
    [InlineData("a\nb\nc", "a\nb\nc", " a| b| c")]
    [InlineData("a\nb\nc", "a\nc", " a|-b| c")]
    [InlineData("a\nc", "a\nb\nc", " a|+b| c")]
    [InlineData("a\nb", "a\nB", " a|-b|+B")]
    [InlineData("", "new", "+new")]
    [InlineData("old", "", "-old")]
    [InlineData("a\r\nb", "a\nb", " a| b")]
    public void Lines(string before, string after, string expected) => Assert.Equal(expected, Render(TextDiff.Lines(before, after)));

    [Fact]
    public void ALongText_WithOneLineChanged_ShowsThatLineOnly()
    {
        var before = Enumerable.Range(0, 5_000).Select(i => $"line {i}").ToList();
        var after = before.ToList();
        after[2_500] = "line 2500, amended";

        var diff = TextDiff.Lines(string.Join("\n", before), string.Join("\n", after));

        Assert.Equal(5_001, diff.Count);
        Assert.Equal([new DiffLine(DiffKind.Removed, "line 2500"), new DiffLine(DiffKind.Added, "line 2500, amended")],
            diff.Where(l => l.Kind != DiffKind.Same));
    }
}

public class InstructionsDraftTests
{
    [Theory]
    [InlineData(null, "Be brief.", "- Be brief.")]
    [InlineData("You are helpful.", "Be brief.", "You are helpful.\n- Be brief.")]
    [InlineData("You are helpful.\n- Be brief.\n", "Be brief.", "You are helpful.\n- Be brief.")]
    [InlineData("You are helpful.", " Never mention\ndiscounts. ", "You are helpful.\n- Never mention discounts.")]
    public void ABehaviorCorrection_IsAddedAsARuleOnce(string? current, string correction, string expected) =>
        Assert.Equal(expected, InstructionsDraft.WithCorrection(current, correction));
}
