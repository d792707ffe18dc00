using FeedbackDashboard.Core.Feedback;

namespace FeedbackDashboard.Components.Pages.Feedback;

/// <summary>
/// A metadata filter as people type it: <c>model=gpt-4.1-mini, promptVersion=v42</c>. Every pair
/// must hold (as the API's <c>metadata.KEY=VALUE</c> parameters); a value cannot hold a comma here.
/// </summary>
public static class MetadataFilterText
{
    public static string Format(IReadOnlyDictionary<string, string>? filter) =>
        filter is null ? "" : string.Join(", ", filter.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}"));

    /// <returns>The filter (null when the text is blank), or an error that says what to type.</returns>
    public static (IReadOnlyDictionary<string, string>? Filter, string? Error) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }
        var filter = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=');
            var key = equals < 0 ? "" : pair[..equals].Trim();
            if (key.Length is 0 or > Interaction.MaxMetadataKeyLength)
            {
                return (null, $"Write each as key=value, e.g. model=gpt-4.1-mini (\"{pair}\" is not).");
            }
            filter[key] = pair[(equals + 1)..].Trim();
        }
        return (filter, null);
    }
}
