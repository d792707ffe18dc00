using System.Text;

namespace FeedbackDashboard.Bench;

/// <summary>Reads a CSV with a header and the columns text,category (RFC 4180 quoting).</summary>
public static class LabelledCsv
{
    public static (List<string> Texts, List<string> Categories) Read(string path)
    {
        var content = File.ReadAllText(path);
        var rows = Parse(content).ToList();
        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        int text = header.IndexOf("text"), category = header.IndexOf("category");
        if (text < 0 || category < 0)
        {
            throw new InvalidOperationException($"{path} needs the columns text and category; it has {string.Join(", ", header)}.");
        }
        var data = rows.Skip(1).Where(r => r.Count > Math.Max(text, category)).ToList();
        return (data.Select(r => r[text]).ToList(), data.Select(r => r[category]).ToList());
    }

    private static IEnumerable<List<string>> Parse(string content)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < content.Length && content[i + 1] == '\n') { i++; }
                row.Add(field.ToString());
                field.Clear();
                if (row.Count > 1 || row[0].Length > 0) { yield return row; }
                row = [];
            }
            else { field.Append(c); }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
