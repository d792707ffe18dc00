using System.Buffers;
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

        var (buffer, length, tooLarge) = await ReadAllAsync(request.Body, request.ContentLength, maxBytes, cancellationToken);
        try
        {
            return tooLarge ? (null, TooLarge(maxBytes)) : Parse<T>(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (T? Value, IResult? Problem) Parse<T>(ReadOnlySpan<byte> bytes)
        where T : class
    {
        if (bytes.Length == 0)
        {
            return (null, Problems.Validation("body", "A JSON body is required."));
        }
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

    /// <summary>
    /// The whole body in a pooled buffer (return it to <see cref="ArrayPool{T}.Shared"/>): sized by
    /// Content-Length when sent, grown by doubling otherwise; reading stops once it passes the limit.
    /// </summary>
    private static async Task<(byte[] Buffer, int Length, bool TooLarge)> ReadAllAsync(Stream body, long? contentLength, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes + 1, contentLength is > 0 ? contentLength.Value + 1 : 4096));
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > maxBytes)
                {
                    return (buffer, length, true);
                }
                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return (buffer, length, length > maxBytes);
            }
            length += read;
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
