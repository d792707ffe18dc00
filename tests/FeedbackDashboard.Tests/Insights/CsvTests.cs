using FeedbackDashboard.Features.Insights;
using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Tests.Insights;

/// <summary>Export fields a spreadsheet in any locale reads as text: quoted when they could split, never a formula.</summary>
public class CsvTests
{
    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("a;b", "\"a;b\"")] // the separator of many European locales
    [InlineData("a|b", "\"a|b\"")]
    [InlineData("a\tb", "\"a\tb\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("a;=1+1;b", "\"a;'=1+1;b\"")] // the formula a semicolon-separated import would run
    [InlineData("a|@SUM(A1)", "\"a|'@SUM(A1)\"")]
    [InlineData("x\t-2+3", "\"x\t'-2+3\"")]
    [InlineData("no = formula here", "no = formula here")]
    public void Field_QuotesWhatCouldSplit_AndDefusesEveryFormulaStart(string text, string expected) =>
        Assert.Equal(expected, Csv.Field(text));

    [Fact]
    public void NumbersAndDates_AreWrittenInvariant_AndNotDefused()
    {
        Assert.Equal("-3", Csv.Field(-3));
        Assert.Equal("0.5", Csv.Field(0.5));
        Assert.Equal("2026-12-06", Csv.Field(new DateOnly(2026, 12, 6)));
    }
}
