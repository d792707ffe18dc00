using System.Text.Json;

namespace FeedbackDashboard.Features.Audit;

/// <summary>
/// What an audited decision changed, field by field, from its before and after states (JSON): nested
/// objects become dotted names, lists are shown whole, and fields that did not change are left out.
/// A creation has no before, a deletion no after.
/// </summary>
public static class AuditChanges
{
    public const int MaxValueLength = 300;

    public static IReadOnlyList<FieldChange> Of(string? before, string? after)
    {
        var old = Flatten(before);
        var now = Flatten(after);
        return old.Keys.Union(now.Keys, StringComparer.Ordinal)
            .Select(field => new FieldChange(field, old.GetValueOrDefault(field), now.GetValueOrDefault(field)))
            .Where(change => change.Before != change.After)
            .ToList();
    }

    private static Dictionary<string, string?> Flatten(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return fields;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            Add(fields, "", document.RootElement);
        }
        catch (JsonException)
        {
            fields["value"] = Shorten(json); // an entry from before states were JSON
        }
        return fields;
    }

    private static void Add(Dictionary<string, string?> fields, string path, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Add(fields, path.Length == 0 ? property.Name : $"{path}.{property.Name}", property.Value);
            }
            return;
        }
        fields[path.Length == 0 ? "value" : path] = element.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => Shorten(element.GetString()!),
            JsonValueKind.Array => Shorten(string.Join(", ", element.EnumerateArray().Select(Describe))),
            _ => element.GetRawText(),
        };
    }

    private static string Describe(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();

    private static string Shorten(string text) => text.Length <= MaxValueLength ? text : text[..(MaxValueLength - 1)] + "…";
}

/// <summary>One field of an audited state: its value before and after (null when absent or null).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
