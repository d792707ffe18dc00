using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using FeedbackDashboard.Core;

namespace FeedbackDashboard.Features.Shared;

/// <summary>
/// CSV exports through CsvHelper (RFC 4180, invariant culture, CRLF). Fields are quoted when they
/// hold a comma, quote or line break, and also a semicolon, a pipe or a tab: spreadsheets in many
/// locales split on those. Untrusted text that would start a formula in any of those cells (CSV
/// injection, OWASP) gets a leading apostrophe. That guard stays ours (ADR-013): CsvHelper's own
/// checks only a field's first character, and would also defuse the minus of a negative number.
/// </summary>
public static partial class Csv
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        InjectionOptions = InjectionOptions.None,
        ShouldQuote = args => args.Field.AsSpan().IndexOfAny(",;|\t\"\r\n") >= 0,
    };

    /// <summary>A writer for one export; write rows with <see cref="WriteRowAsync"/>, then dispose it.</summary>
    public static CsvWriter CreateWriter(Stream stream) =>
        new(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true), Configuration);

    public static async Task WriteRowAsync(CsvWriter writer, params object?[] fields)
    {
        foreach (var field in fields)
        {
            writer.WriteField(Text(field));
        }
        await writer.NextRecordAsync();
    }

    /// <summary>One row, with its line break.</summary>
    public static string Line(params object?[] fields)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new CsvWriter(text, Configuration))
        {
            foreach (var field in fields)
            {
                writer.WriteField(Text(field));
            }
            writer.NextRecord();
        }
        return text.ToString();
    }

    /// <summary>One field as it is written.</summary>
    public static string Field(object? value) => Line(value)[..^2];

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => FormulaStart().Replace(s, "$1'$2"),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => WireNames.Of(e),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A formula character at the start of the text or of what a spreadsheet would read as a cell after ;, | or a tab.</summary>
    [GeneratedRegex(@"(^|[;|\t])([=+\-@\t\r])")]
    private static partial Regex FormulaStart();
}
