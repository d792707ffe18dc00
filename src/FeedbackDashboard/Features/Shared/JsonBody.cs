using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FeedbackDashboard.Features.Shared;

/// <summary>
/// Reads a JSON request body ourselves, so that every failure is a ProblemDetails naming the
/// field (a wrong type at $.value says "value"), and a body over the limit is a 413 whether or
/// not the client sent Content-Length.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }
        if (!request.HasJsonContentType())
        {
            return (null, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the body as application/json."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return (null, Problems.Validation("body", "A JSON body is required."));
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            // JSON is UTF-8 (RFC 8259); a body that is not is refused whole, not field by field.
            return (null, Problems.Validation("body", "The body is not valid UTF-8."));
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, ApiJson.Options);
            return value is null
                ? (null, Problems.Validation("body", "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException e) when (e.InnerException is JsonException)
        {
            // The reader failed: the text is not JSON at all, whatever field it was in.
            return (null, Problems.Validation("body", $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."));
        }
        catch (JsonException e)
        {
            return (null, Problems.Validation(FieldOf(e.Path), Describe(e)));
        }
    }

    /// <summary>"$.interaction.query" becomes "interaction.query"; "$[3].type" becomes "[3].type".</summary>
    public static string FieldOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "body";
        }
        var field = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return field.Length == 0 ? "body" : field;
    }

    private static string Describe(JsonException e) =>
        e.Path is null or "$" ? "The body is not valid JSON." : $"The value at '{FieldOf(e.Path)}' is not valid here.";

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"The body must be at most {maxBytes / 1024} KiB.");
}
