using System.Globalization;
using CsvHelper;

namespace FeedbackDashboard.Bench;

/// <summary>Reads a CSV with a header and the columns text,category (any order, other columns ignored).</summary>
public static class LabelledCsv
{
    public static (List<string> Texts, List<string> Categories) Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        int text = header.IndexOf("text"), category = header.IndexOf("category");
        if (text < 0 || category < 0)
        {
            throw new InvalidOperationException($"{path} needs the columns text and category; it has {string.Join(", ", header)}.");
        }
        var (texts, categories) = (new List<string>(), new List<string>());
        while (csv.Read())
        {
            texts.Add(csv.GetField(text)!);
            categories.Add(csv.GetField(category)!);
        }
        return (texts, categories);
    }
}
