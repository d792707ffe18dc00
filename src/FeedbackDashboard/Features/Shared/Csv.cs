using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FeedbackDashboard.Core;
using FeedbackDashboard.Features.Insights;

namespace FeedbackDashboard.Features.Shared;

/// <summary>
/// RFC 4180 fields, quoted when they hold a comma, quote or line break, and also a semicolon, a pipe
/// or a tab: spreadsheets in many locales split on those. Untrusted text that would start a formula
/// in any of those cells (CSV injection, OWASP) gets a leading apostrophe.
/// </summary>
public static partial class Csv
{
    public static string Line(params object?[] fields) => string.Join(",", fields.Select(Field)) + "\r\n";

    public static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Enum e => WireNames.Of(e),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (value is string)
        {
            text = FormulaStart().Replace(text, "$1'$2");
        }
        return text.AsSpan().IndexOfAny(",;|\t\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    /// <summary>A formula character at the start of the text or of what a spreadsheet would read as a cell after ;, | or a tab.</summary>
    [GeneratedRegex(@"(^|[;|\t])([=+\-@\t\r])")]
    private static partial Regex FormulaStart();

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
