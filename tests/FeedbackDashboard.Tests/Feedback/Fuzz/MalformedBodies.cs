using System.Text;
using System.Text.Json.Nodes;

namespace FeedbackDashboard.Tests.Feedback.Fuzz;

/// <summary>A request body that must be refused, and what was done to a valid one to make it.</summary>
public sealed record BadBody(string Kind, byte[] Bytes, string? ContentType = "application/json")
{
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Bytes);
        return $"{Kind} [{ContentType ?? "no content type"}] {(text.Length > 300 ? text[..300] + "…" : text)}";
    }
}

/// <summary>
/// Generates bodies that are each wrong in one way the API must catch (wrong JSON types, missing
/// or blank required fields, strings over their limits, bodies over the size limit, invalid UTF-8,
/// deep nesting, out-of-range and unparseable numbers, unknown enum values, broken JSON, the wrong
/// content type, random bytes), from a seeded random source so that a failure can be replayed.
/// Every mutation touches a field the API reads: an unknown member or a blank optional one is valid.
/// </summary>
public sealed class MalformedBodies(int seed)
{
    private readonly Random _random = new(seed);
    private int _serial;

    private static readonly string[] FeedbackTypes = ["positive", "negative", "rating", "correction"];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0x80], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ];

    private static readonly string[] BrokenJson =
    [
        "{\"type\": \"positive\",}", "{'type': 'positive'}", "{type: \"positive\"}", "{\"type\": NaN}", "{\"type\" \"positive\"}",
        "{\"type\": \"positive\" /* note */}", "// note\n{}", "{\"a\": Infinity}", "{\"a\": 01}", "{\"a\": .5}", "{\"a\": +1}",
        "{\"a\": \"\\x41\"}", "{\"a\": \"tab\there\"}", "{\"a\": tru}", "{,}", "{\"a\":}", "[{}", "{\"a\": [1,]}", "\"unterminated",
    ];

    private static readonly string[] WrongTopLevel = ["[]", "[{}]", "\"text\"", "42", "-1", "true", "false", "null", "{}", "   "];

    private static readonly string[] WrongContentTypes =
        ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream"];

    /// <summary>Bodies for POST /api/v1/feedback.</summary>
    public IEnumerable<BadBody> Feedback(int count)
    {
        Func<BadBody>[] makers =
        [
            FeedbackWrongType, FeedbackMissingRequired, FeedbackTooLong, () => OverSizeLimit(ValidFeedback(), 64 * 1024),
            () => WithInvalidUtf8(ValidFeedback(), "interaction.query"), () => WithInvalidUtf8(ValidFeedback(), "comment"),
            () => WithLoneSurrogate(ValidFeedback(), "interaction.query"), () => WithRawControlCharacter(ValidFeedback(), "comment"),
            () => DeepNesting(ValidFeedback()), RatingOutOfRange, UnknownEnumValue,
            () => Truncated(ValidFeedback()), () => TrailingGarbage(ValidFeedback()), Fixed, () => WrongContentType(ValidFeedback()), RandomBytes,
        ];
        for (var i = 0; i < count; i++)
        {
            yield return makers[i % makers.Length]();
        }
    }

    /// <summary>Bodies for POST /api/v1/interactions.</summary>
    public IEnumerable<BadBody> Interactions(int count)
    {
        Func<BadBody>[] makers =
        [
            InteractionWrongType, InteractionMissingRequired, InteractionTooLong, () => OverSizeLimit(ValidInteraction(), 64 * 1024),
            () => WithInvalidUtf8(ValidInteraction(), "query"), () => WithLoneSurrogate(ValidInteraction(), "source"),
            () => DeepNesting(ValidInteraction()), () => Truncated(ValidInteraction()), () => TrailingGarbage(ValidInteraction()),
            Fixed, () => WrongContentType(ValidInteraction()), RandomBytes,
        ];
        for (var i = 0; i < count; i++)
        {
            yield return makers[i % makers.Length]();
        }
    }

    /// <summary>
    /// Bodies for POST /api/v1/feedback/batch: either the whole body is wrong, or it is a well-formed
    /// batch whose every item is wrong in its own way (those are answered per item).
    /// </summary>
    public IEnumerable<(BadBody Body, bool EveryItemBad)> Batches(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 0)
            {
                // Built as text: some items (lone surrogates) cannot go through a JsonNode.
                var items = Enumerable.Range(0, _random.Next(1, 25)).Select(_ => BadItem()).ToList();
                yield return (Text("batch of " + string.Join(", ", items.Select(i => i.Kind)),
                    "{\"items\":[" + string.Join(",", items.Select(i => Encoding.UTF8.GetString(i.Bytes))) + "]}"), true);
                continue;
            }
            yield return ((i / 2 % 9) switch
            {
                0 => Json("items not an array", new JsonObject { ["items"] = Pick<JsonNode>(new JsonObject(), JsonValue.Create(3), JsonValue.Create("x")) }),
                1 => Json("items empty", new JsonObject { ["items"] = new JsonArray() }),
                2 => Json("items missing", new JsonObject { ["data"] = new JsonArray(ValidFeedback()) }),
                3 => Json("over 1000 items", new JsonObject { ["items"] = new JsonArray(Enumerable.Range(0, 1001).Select(_ => (JsonNode)ValidFeedback()).ToArray()) }),
                4 => WithInvalidUtf8(new JsonObject { ["items"] = new JsonArray(ValidFeedback()) }, "items"),
                5 => DeepNesting(new JsonObject { ["items"] = new JsonArray(ValidFeedback()) }),
                6 => Truncated(new JsonObject { ["items"] = new JsonArray(ValidFeedback(), ValidFeedback()) }),
                7 => WrongContentType(new JsonObject { ["items"] = new JsonArray(ValidFeedback()) }),
                _ => Fixed(),
            }, false);
        }
    }

    private BadBody BadItem() => _random.Next(6) switch
    {
        0 => FeedbackWrongType(),
        1 => FeedbackMissingRequired(),
        2 => FeedbackTooLong(),
        3 => RatingOutOfRange(),
        4 => UnknownEnumValue(),
        _ => WithLoneSurrogate(ValidFeedback(), "interaction.query"),
    };

    public JsonObject ValidFeedback(string? type = null)
    {
        var serial = Interlocked.Increment(ref _serial);
        var interactionId = $"fuzz-{seed}-{serial}";
        type ??= Pick(FeedbackTypes);
        var body = new JsonObject
        {
            ["id"] = $"fuzz-key-{seed}-{serial}",
            ["interactionId"] = interactionId,
            ["type"] = type,
            ["comment"] = "A comment.",
            ["interaction"] = ValidInteraction(interactionId),
        };
        if (type == "rating")
        {
            body["value"] = _random.Next(1, 6);
        }
        else if (type == "correction")
        {
            body["value"] = "The corrected answer.";
            body["correctionKind"] = Pick("knowledge", "behavior");
        }
        return body;
    }

    public JsonObject ValidInteraction(string? id = null) => new()
    {
        ["id"] = id ?? $"fuzz-interaction-{seed}-{Interlocked.Increment(ref _serial)}",
        ["query"] = "How do I export my data?",
        ["response"] = "Open Settings and choose Export.",
        ["source"] = "fuzz",
        ["pattern"] = "fuzz-pattern",
        ["metadata"] = new JsonObject { ["model"] = "m-1" },
    };

    private BadBody FeedbackWrongType()
    {
        var path = Pick("id", "interactionId", "type", "comment", "correctionKind", "value", "interaction", "interaction.id", "interaction.query",
            "interaction.response", "interaction.source", "interaction.pattern", "interaction.metadata", "interaction.metadata.model");
        var body = ValidFeedback(path == "correctionKind" ? "correction" : null);
        Set(body, path, WrongValueFor(path, (string)body["type"]!));
        return Json($"wrong type at {path}", body);
    }

    private BadBody InteractionWrongType()
    {
        var path = Pick("id", "query", "response", "source", "pattern", "metadata", "metadata.model");
        var body = ValidInteraction();
        Set(body, path, WrongValueFor(path, type: null));
        return Json($"wrong type at {path}", body);
    }

    /// <summary>A JSON value of a kind the field never takes.</summary>
    private JsonNode? WrongValueFor(string path, string? type)
    {
        if (path == "value")
        {
            return type switch
            {
                "rating" => Pick<JsonNode?>(JsonValue.Create("5"), JsonValue.Create(true), new JsonArray(5), new JsonObject { ["v"] = 5 }),
                "correction" => Pick<JsonNode?>(JsonValue.Create(5), JsonValue.Create(false), new JsonArray("text"), new JsonObject()),
                _ => Pick<JsonNode?>(JsonValue.Create(1), JsonValue.Create("text"), JsonValue.Create(true), new JsonArray()),
            };
        }
        if (path is "interaction" or "interaction.metadata" or "metadata")
        {
            return Pick<JsonNode?>(JsonValue.Create(7), JsonValue.Create("text"), JsonValue.Create(true), new JsonArray(1, 2));
        }
        return Pick<JsonNode?>(JsonValue.Create(_random.Next()), JsonValue.Create(-1.5), JsonValue.Create(true), JsonValue.Create(false),
            new JsonArray(), new JsonArray("a", "b"), new JsonObject(), new JsonObject { ["text"] = "x" });
    }

    private BadBody FeedbackMissingRequired()
    {
        var path = Pick("type", "interactionId", "interaction.id", "interaction.query", "value");
        var body = ValidFeedback(path == "value" ? Pick("rating", "correction") : null);
        var how = _random.Next(4);
        switch (how)
        {
            case 0: Remove(body, path); break;
            case 1: Set(body, path, null); break;
            case 2: Set(body, path, ""); break;
            default: Set(body, path, Pick(" ", "\t", "\n  ")); break;
        }
        return Json($"{(how < 2 ? "missing" : "blank")} {path}", body);
    }

    private BadBody InteractionMissingRequired()
    {
        var path = Pick("id", "query");
        var body = ValidInteraction();
        if (_random.Next(2) == 0)
        {
            Remove(body, path);
        }
        else
        {
            Set(body, path, Pick<JsonNode?>(null, "", "   "));
        }
        return Json($"missing or blank {path}", body);
    }

    private BadBody FeedbackTooLong()
    {
        var (path, max) = Pick(("id", 200), ("interactionId", 200), ("comment", 4_000), ("value", 16_000), ("interaction.query", 8_000),
            ("interaction.source", 100), ("interaction.pattern", 200), ("interaction.metadata.model", 1_000));
        var body = ValidFeedback(path == "value" ? "correction" : null);
        Set(body, path, LongText(max + 1 + _random.Next(Math.Min(max, 20_000))));
        return Json($"{path} over {max}", body);
    }

    private BadBody InteractionTooLong()
    {
        var (path, max) = Pick(("id", 200), ("query", 8_000), ("response", 32_000), ("source", 100), ("pattern", 200), ("metadata.model", 1_000));
        var body = ValidInteraction();
        if (_random.Next(5) == 0)
        {
            var metadata = new JsonObject();
            for (var i = 0; i < 51 + _random.Next(100); i++)
            {
                metadata[$"k{i}"] = "v";
            }
            body["metadata"] = metadata;
            return Json("over 50 metadata entries", body);
        }
        Set(body, path, LongText(max + 1 + _random.Next(Math.Min(max, 20_000))));
        return Json($"{path} over {max}", body);
    }

    private BadBody OverSizeLimit(JsonObject body, int limit)
    {
        // In a field the API reads or in one it ignores: the size limit holds either way.
        var path = body.ContainsKey("interaction") ? Pick("comment", "unknownField", "interaction.response") : Pick("response", "unknownField");
        Set(body, path, LongText(limit + _random.Next(1, 4 * limit)));
        return Json($"over {limit / 1024} KiB in {path}", body);
    }

    private string LongText(int length)
    {
        // Sometimes multi-byte characters, so that characters and bytes differ.
        var unit = Pick("a", "é", "ж", "漢", "🙂");
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }
        return builder.ToString();
    }

    private BadBody WithInvalidUtf8(JsonObject body, string path)
    {
        const string Marker = "@@INVALID@@";
        if (path == "items")
        {
            Set((JsonObject)body["items"]![0]!, "interaction.query", Marker);
        }
        else
        {
            Set(body, path, $"before {Marker} after");
        }
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var at = Encoding.UTF8.GetString(bytes).IndexOf(Marker, StringComparison.Ordinal);
        var invalid = Pick(InvalidUtf8);
        var mutated = bytes[..at].Concat(invalid).Concat(bytes[(at + Marker.Length)..]).ToArray();
        return new BadBody($"invalid UTF-8 {Convert.ToHexString(invalid)} in {path}", mutated);
    }

    private BadBody WithLoneSurrogate(JsonObject body, string path)
    {
        const string Marker = "@@SURROGATE@@";
        Set(body, path, $"text {Marker}");
        var escaped = Pick("\\uD800", "\\uDFFF", "\\uD83D", "\\uDE00\\uD83D");
        return Text($"lone surrogate {escaped} in {path}", body.ToJsonString().Replace(Marker, escaped, StringComparison.Ordinal));
    }

    private BadBody WithRawControlCharacter(JsonObject body, string path)
    {
        const string Marker = "@@CONTROL@@";
        Set(body, path, $"text {Marker}");
        var control = ((char)_random.Next(0, 0x20)).ToString();
        return Text($"raw control U+{(int)control[0]:X4} in {path}", body.ToJsonString().Replace(Marker, control, StringComparison.Ordinal));
    }

    private BadBody DeepNesting(JsonObject body)
    {
        var depth = Pick(17, 20, 64, 65, 500, 5_000);
        var asArrays = _random.Next(2) == 0;
        var nested = asArrays
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        var field = Pick("value", "unknownField", "comment");
        var json = body.ToJsonString();
        return Text($"nested {depth} deep in {field}", json[..^1] + $",\"{field}\":{nested}}}");
    }

    private BadBody RatingOutOfRange()
    {
        var body = ValidFeedback("rating");
        var number = Pick("0", "6", "-1", "-0", "100", "3.5", "1e2", "1E+1", "5.000001", "0.0000001", "2147483648", "-2147483649",
            "9223372036854775808", "1e400", "-1e400", "1" + new string('0', 400), "-" + _random.Next(1, int.MaxValue), _random.Next(6, int.MaxValue).ToString());
        var json = body.ToJsonString();
        var at = json.IndexOf("\"value\":", StringComparison.Ordinal) + "\"value\":".Length;
        var end = json.IndexOfAny([',', '}'], at);
        return Text($"rating {number}", json[..at] + number + json[end..]);
    }

    private BadBody UnknownEnumValue()
    {
        var correctionKind = _random.Next(3) == 0;
        var body = ValidFeedback(correctionKind ? "correction" : null);
        var wrong = Pick("Positive", "NEGATIVE", " positive", "negative ", "thumbs_up", "thumbsDown", "1", "0", "pоsitive" /* Cyrillic o */,
            "ratings", "correction\u0000", RandomWord());
        if (correctionKind)
        {
            body["correctionKind"] = wrong == "correction\u0000" ? "knowledge\u0000" : wrong;
            return Json($"correctionKind '{wrong}'", body);
        }
        body["type"] = wrong;
        return Json($"type '{wrong}'", body);
    }

    private BadBody Truncated(JsonObject body)
    {
        var json = Encoding.UTF8.GetBytes(body.ToJsonString());
        var length = _random.Next(0, json.Length);
        return new BadBody($"truncated to {length} bytes", json[..length]);
    }

    private BadBody TrailingGarbage(JsonObject body) =>
        Text("trailing garbage", body.ToJsonString() + Pick("}", "x", " {}", ",", "]", "\u0000", " null"));

    private BadBody Fixed() => _random.Next(2) == 0
        ? Text("broken JSON", Pick(BrokenJson))
        : Text("wrong top-level value", Pick(WrongTopLevel));

    private BadBody WrongContentType(JsonObject body)
    {
        var contentType = _random.Next(6) == 0 ? null : Pick(WrongContentTypes);
        return new BadBody("wrong content type", Encoding.UTF8.GetBytes(body.ToJsonString()), contentType);
    }

    private BadBody RandomBytes()
    {
        var bytes = new byte[_random.Next(1, 2_000)];
        _random.NextBytes(bytes);
        if (_random.Next(2) == 0)
        {
            bytes[0] = (byte)'{'; // get past the first character at least
        }
        return new BadBody("random bytes", bytes);
    }

    private string RandomWord() => new(Enumerable.Range(0, _random.Next(1, 12)).Select(_ => (char)_random.Next('a', 'z' + 1)).ToArray());

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];

    private static BadBody Json(string kind, JsonNode body) => Text(kind, body.ToJsonString());

    private static BadBody Text(string kind, string json) => new(kind, Encoding.UTF8.GetBytes(json));

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var (parent, name) = Walk(root, path);
        parent[name] = value;
    }

    private static void Remove(JsonObject root, string path)
    {
        var (parent, name) = Walk(root, path);
        parent.Remove(name);
    }

    private static (JsonObject Parent, string Name) Walk(JsonObject root, string path)
    {
        var parts = path.Split('.');
        var parent = root;
        foreach (var part in parts[..^1])
        {
            parent = (JsonObject)parent[part]!;
        }
        return (parent, parts[^1]);
    }
}
