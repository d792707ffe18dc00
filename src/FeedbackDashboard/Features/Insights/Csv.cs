using System.Globalization;
using System.Text;

namespace FeedbackDashboard.Features.Insights;

/// <summary>RFC 4180 fields: quoted when they hold a comma, quote or line break; formulas defused for spreadsheets.</summary>
public static class Csv
{
    public static string Line(params object?[] fields) => string.Join(",", fields.Select(Field)) + "\r\n";

    public static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        // Untrusted text that starts like a formula would run in a spreadsheet (CSV injection).
        if (text.Length > 0 && value is string && "=+-@\t\r".Contains(text[0]))
        {
            text = "'" + text;
        }
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
