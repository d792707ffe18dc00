using System.Globalization;
using FeedbackDashboard.Core;
using FeedbackDashboard.Core.Feedback;
using FeedbackDashboard.Features.Shared;

namespace FeedbackDashboard.Features.Feedback;

/// <summary>What GET /api/v1/feedback lists: each given filter narrows it; none given lists everything, newest first.</summary>
public sealed record FeedbackFilter(
    FeedbackType? Type = null,
    string? Source = null,
    string? PatternKey = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    bool? HasComment = null,
    int? Rating = null,
    IReadOnlyDictionary<string, string>? Metadata = null,
    long? Before = null,
    int Limit = FeedbackFilter.DefaultLimit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;
    public const string MetadataPrefix = "metadata.";

    /// <summary>Reads the query string; every error names its parameter.</summary>
    public static (FeedbackFilter? Filter, ValidationErrors Errors) Parse(IQueryCollection query)
    {
        var errors = new ValidationErrors();
        FeedbackType? type = null;
        if (query["type"] is { Count: > 0 } typeText)
        {
            if (WireNames.TryParse<FeedbackType>(typeText.ToString(), out var parsed))
            {
                type = parsed;
            }
            else
            {
                errors.Add("type", $"Use one of {string.Join(", ", WireNames.All<FeedbackType>())}.");
            }
        }
        var from = IsoTime.Parse(query["from"].ToString(), "from", errors);
        var to = IsoTime.Parse(query["to"].ToString(), "to", errors);
        if (from is not null && to is not null && to < from)
        {
            errors.Add("to", "The end must not be before the start.");
        }
        bool? hasComment = null;
        if (query["hasComment"] is { Count: > 0 } commentText)
        {
            if (bool.TryParse(commentText.ToString(), out var parsed))
            {
                hasComment = parsed;
            }
            else
            {
                errors.Add("hasComment", "Use true or false.");
            }
        }
        var rating = Number(query, "rating", 1, 5, errors);
        var limit = Number(query, "limit", 1, MaxLimit, errors) ?? DefaultLimit;
        long? before = null;
        if (query["cursor"] is { Count: > 0 } cursor)
        {
            before = Cursor.Read(cursor.ToString());
            if (before is null)
            {
                errors.Add("cursor", "Pass the nextCursor of the previous page as it was given.");
            }
        }
        var metadata = ParseMetadata(query, errors);
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }
        return (new FeedbackFilter(type, Text(query, "source"), Text(query, "pattern"), from, to, hasComment, rating,
            metadata, before, limit), errors);
    }

    /// <summary>Whether an interaction's metadata has every wanted key with its value (none wanted: it holds).</summary>
    public static bool MetadataHolds(IReadOnlyDictionary<string, string>? wanted, IReadOnlyDictionary<string, string> metadata) =>
        wanted is null || wanted.All(w => metadata.TryGetValue(w.Key, out var value) && value == w.Value);

    /// <summary>The <c>metadata.KEY=VALUE</c> parameters (every one must hold), or null when there are none.</summary>
    public static IReadOnlyDictionary<string, string>? ParseMetadata(IQueryCollection query, ValidationErrors errors)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in query.Where(q => q.Key.StartsWith(MetadataPrefix, StringComparison.Ordinal)))
        {
            var name = key[MetadataPrefix.Length..];
            if (name.Length == 0 || name.Length > Interaction.MaxMetadataKeyLength)
            {
                errors.Add(key, $"Name a metadata key of 1 to {Interaction.MaxMetadataKeyLength} characters after \"{MetadataPrefix}\".");
                continue;
            }
            metadata[name] = values.ToString();
        }
        return metadata.Count == 0 ? null : metadata;
    }

    /// <summary>The query string <see cref="Parse"/> reads back: type, source, pattern and metadata (what pages keep in their address).</summary>
    public string ToQueryString()
    {
        var parts = new List<KeyValuePair<string, string?>>();
        if (Type is { } type)
        {
            parts.Add(new("type", type.ToWire()));
        }
        if (Source is { } source)
        {
            parts.Add(new("source", source));
        }
        if (PatternKey is { } pattern)
        {
            parts.Add(new("pattern", pattern));
        }
        foreach (var (key, value) in (Metadata ?? new Dictionary<string, string>()).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            parts.Add(new(MetadataPrefix + key, value));
        }
        return QueryString.Create(parts).ToUriComponent().TrimStart('?');
    }

    private static string? Text(IQueryCollection query, string name) =>
        query[name] is { Count: > 0 } value && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;

    private static int? Number(IQueryCollection query, string name, int min, int max, ValidationErrors errors)
    {
        if (query[name] is not { Count: > 0 } text)
        {
            return null;
        }
        if (int.TryParse(text.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors.Add(name, $"Use a whole number from {min} to {max}.");
        return null;
    }
}

/// <summary>Where the next page starts: opaque to clients, the last item's position to us.</summary>
public static class Cursor
{
    public static string Write(long lastId) =>
        Convert.ToBase64String(BitConverter.GetBytes(lastId)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static long? Read(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            var bytes = Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
            return bytes.Length == sizeof(long) && BitConverter.ToInt64(bytes) is > 0 and var id ? id : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
