using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FeedbackDashboard.Client;

/// <summary>
/// Reads what FeedbackDashboard published, sending the last ETag: a 304 answers from here, so polling is
/// cheap; and while the dashboard is busy or out of reach, the last version read answers (stale-if-error).
/// </summary>
internal sealed class ReadBackCache(HttpClient http, FeedbackClientOptions options, JsonSerializerOptions json, DropWarnings warnings)
{
    private readonly Dictionary<string, (EntityTagHeaderValue Tag, object? Value)> _cache = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task<IReadOnlyList<KnowledgeEntry>> KnowledgeAsync(string? source, CancellationToken cancellationToken) =>
        await GetAsync<ItemsBody<KnowledgeEntry>>(source is null ? "api/v1/knowledge" : $"api/v1/knowledge?source={Uri.EscapeDataString(source)}", cancellationToken)
            is { } body ? body.Items : [];

    public Task<InstructionsVersion?> InstructionsAsync(string source, CancellationToken cancellationToken) =>
        GetAsync<InstructionsVersion>($"api/v1/instructions/{Uri.EscapeDataString(source)}/current", cancellationToken);

    /// <summary>Null for a 404 (nothing published).</summary>
    private async Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken) where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.BaseUrl!, path));
        request.Headers.Add("X-Api-Key", options.ApiKey);
        (EntityTagHeaderValue Tag, object? Value) cached;
        bool known;
        lock (_gate)
        {
            known = _cache.TryGetValue(path, out cached);
        }
        if (known)
        {
            request.Headers.IfNoneMatch.Add(cached.Tag);
        }
        HttpResponseMessage sent;
        try
        {
            sent = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return known
                ? Stale<T>(path, cached.Value, e.Message)
                : throw new FeedbackClientException($"Reading {path} failed: the dashboard did not answer ({e.Message}).");
        }
        using var response = sent;
        if (response.StatusCode == HttpStatusCode.NotModified && known)
        {
            NotModifiedCount++;
            return (T?)cached.Value;
        }
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            var detail = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
            return known && (int)response.StatusCode is 408 or 429 or >= 500
                ? Stale<T>(path, cached.Value, detail)
                : throw new FeedbackClientException($"Reading {path} failed: {detail}");
        }
        var value = await response.Content.ReadFromJsonAsync<T>(json, cancellationToken);
        if (response.Headers.ETag is { } tag)
        {
            lock (_gate)
            {
                _cache[path] = (tag, value);
            }
        }
        return value;
    }

    private T? Stale<T>(string path, object? value, string why) where T : class
    {
        warnings.Warn($"read {path}", $"reading {path} failed ({why}); answering with the last version read.");
        return (T?)value;
    }

    /// <summary>How many read-backs were answered 304 from the cache (for tests and diagnostics).</summary>
    public int NotModifiedCount { get; private set; }
}
