using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FeedbackDashboard.Core;

/// <summary>
/// How our enums travel in JSON, query strings, CSV and the audit log: lower snake case
/// ("in_review"), or the member's <see cref="JsonStringEnumMemberName"/> ("positive" for ThumbsUp).
/// Enums carry <see cref="WireEnumConverter{TEnum}"/>, so the serializer writes and reads the very
/// names this class parses and lists: one source for both.
/// </summary>
public static class WireNames
{
    public static string ToWire<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, null);

    public static bool TryParse<TEnum>(string? wire, out TEnum value) where TEnum : struct, Enum =>
        Names<TEnum>.ByName.TryGetValue(wire ?? "", out value);

    /// <summary>The wire name of a value whose enum type is known only at run time (a chip that shows several kinds of status).</summary>
    public static string Of(Enum value)
    {
        var field = value.GetType().GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static);
        return field?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
    }

    /// <summary>Every name, in declaration order (for error messages and pickers).</summary>
    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Names<TEnum>.InOrder;

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<string> InOrder;
        public static readonly FrozenDictionary<TEnum, string> ByValue;
        public static readonly FrozenDictionary<string, TEnum> ByName;

        static Names()
        {
            var fields = typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static);
            var pairs = fields.Select(f => (Value: (TEnum)f.GetValue(null)!,
                Name: f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(f.Name))).ToList();
            InOrder = pairs.Select(p => p.Name).ToList();
            ByValue = pairs.ToFrozenDictionary(p => p.Value, p => p.Name);
            ByName = pairs.ToFrozenDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        }
    }
}

/// <summary>Writes and reads an enum by its wire name (<see cref="WireNames"/>); numbers are refused.</summary>
public sealed class WireEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
