using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedbackDashboard.Client;

/// <summary>
/// The client: calls put items on a bounded queue and return; one background sender takes them in
/// batches to POST /api/v1/feedback/batch (feedback carries its interaction inline while that is
/// still queued, so it never fails for want of it), retries busy or unreachable servers with backoff
/// that honours Retry-After, and drops (and counts) only what the server refuses or what outlives
/// every retry. Each feedback item gets its idempotency key once, so a retry never doubles it.
/// </summary>
public sealed class FeedbackClient : IFeedbackClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly FeedbackClientOptions _options;
    private readonly Channel<Work> _queue;
    private readonly Task _sender;
    private readonly ReadBackCache _readBack;
    private readonly DropWarnings _warnings;
    private readonly Lock _progressGate = new();
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _accepted, _settled, _dropped, _delivered;
    private int _disposed;

    /// <summary>
    /// A client of its own: <c>new FeedbackClient(new Uri("https://feedback.example.com"), apiKey)</c>. The
    /// logger, when given, is told why items were dropped (a wrong key, a refused item), at most once a minute for each kind of failure.
    /// </summary>
    public FeedbackClient(Uri? baseUrl = null, string? apiKey = null, FeedbackClientOptions? options = null, ILogger? logger = null)
        : this(new HttpClient(), Configure(options ?? new FeedbackClientOptions(), baseUrl, apiKey), ownsHttp: true, logger)
    {
    }

    /// <summary>Over an HttpClient from IHttpClientFactory (see <see cref="FeedbackClientServiceCollectionExtensions"/>).</summary>
    public FeedbackClient(HttpClient http, FeedbackClientOptions options, ILogger? logger = null) : this(http, options, ownsHttp: false, logger)
    {
    }

    private FeedbackClient(HttpClient http, FeedbackClientOptions options, bool ownsHttp, ILogger? logger)
    {
        if (options.BaseUrl is null || string.IsNullOrEmpty(options.ApiKey))
        {
            throw new ArgumentException(
                $"Give the base URL and API key, or set {FeedbackClientOptions.UrlVariable} and {FeedbackClientOptions.ApiKeyVariable}.", nameof(options));
        }
        (_http, _options, _ownsHttp) = (http, options, ownsHttp);
        _warnings = new DropWarnings(logger ?? NullLogger.Instance, TimeProvider.System);
        _readBack = new ReadBackCache(http, options, Json, _warnings);
        _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(options.MaxQueueSize) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _sender = options.Synchronous ? Task.CompletedTask : Task.Run(SendLoopAsync);
    }

    /// <inheritdoc />
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <inheritdoc />
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <inheritdoc />
    public async ValueTask RecordInteractionAsync(string id, string query, string? response = null, string? source = null, string? pattern = null,
        IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        var body = new InteractionBody(id, query, response, source, pattern, metadata);
        if (_options.Synchronous)
        {
            await SendInteractionAsync(body, throwOnFailure: true, cancellationToken);
            return;
        }
        Enqueue(new Work(body, null, DateTimeOffset.UtcNow));
    }

    /// <inheritdoc />
    public async ValueTask<string> SendFeedbackAsync(string interactionId, FeedbackType type, object? value = null, string? comment = null,
        CorrectionKind? correctionKind = null, string? id = null, CancellationToken cancellationToken = default)
    {
        var key = id ?? "fb_" + Guid.CreateVersion7().ToString("N");
        var body = new FeedbackBody(key, interactionId, Wire(type), value, comment, correctionKind is { } kind ? Wire(kind) : null, null);
        if (_options.Synchronous)
        {
            await SendBatchAsync([body], throwOnFailure: true, cancellationToken);
            return key;
        }
        Enqueue(new Work(null, body, DateTimeOffset.UtcNow));
        return key;
    }

    /// <inheritdoc />
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var target = Interlocked.Read(ref _accepted);
        _queue.Writer.TryWrite(Work.FlushMarker);
        while (Interlocked.Read(ref _settled) < target && !_sender.IsCompleted)
        {
            Task progress;
            lock (_progressGate)
            {
                progress = _progress.Task;
            }
            if (Interlocked.Read(ref _settled) >= target)
            {
                break;
            }
            await progress.WaitAsync(TimeSpan.FromMilliseconds(200), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<KnowledgeEntry>> KnowledgeAsync(string? source = null, CancellationToken cancellationToken = default) =>
        _readBack.KnowledgeAsync(source, cancellationToken);

    /// <inheritdoc />
    public Task<InstructionsVersion?> InstructionsAsync(string source, CancellationToken cancellationToken = default) =>
        _readBack.InstructionsAsync(source, cancellationToken);

    private void Enqueue(Work work)
    {
        if (Volatile.Read(ref _disposed) != 0 || !_queue.Writer.TryWrite(work))
        {
            Interlocked.Increment(ref _dropped);
            return;
        }
        Interlocked.Increment(ref _accepted);
    }

    private async Task SendLoopAsync()
    {
        var waiting = new Dictionary<string, (InteractionBody Body, DateTimeOffset Since)>(StringComparer.Ordinal);
        var batch = new List<FeedbackBody>(_options.BatchSize);
        var inlined = new Dictionary<string, InteractionBody>(StringComparer.Ordinal);
        var reader = _queue.Reader;
        while (true)
        {
            var flush = false;
            var more = await WaitForWorkAsync(reader);
            var deadline = DateTimeOffset.UtcNow + _options.FlushInterval;
            while (batch.Count < _options.BatchSize && DateTimeOffset.UtcNow < deadline)
            {
                if (!reader.TryRead(out var work))
                {
                    if (flush || !more || DateTimeOffset.UtcNow >= deadline || !await WaitForWorkAsync(reader, deadline - DateTimeOffset.UtcNow))
                    {
                        break;
                    }
                    continue;
                }
                if (work.IsFlushMarker)
                {
                    flush = true;
                }
                else if (work.Interaction is { } interaction)
                {
                    waiting[interaction.Id] = (interaction, work.At);
                }
                else if (work.Feedback is { } feedback)
                {
                    if (waiting.Remove(feedback.InteractionId, out var queued))
                    {
                        inlined[feedback.InteractionId] = queued.Body;
                        Settle(delivered: 0, dropped: 0, settled: 1); // the interaction travels with its feedback
                    }
                    batch.Add(feedback with { Interaction = inlined.GetValueOrDefault(feedback.InteractionId) });
                }
            }
            if (batch.Count > 0)
            {
                await GuardedAsync(() => SendBatchAsync(batch, throwOnFailure: false, CancellationToken.None), batch.Count);
                batch.Clear();
                inlined.Clear();
            }
            var cutoff = flush || !more ? DateTimeOffset.MaxValue : DateTimeOffset.UtcNow - _options.InteractionWait;
            foreach (var (id, (body, since)) in waiting.Where(w => w.Value.Since <= cutoff).ToList())
            {
                waiting.Remove(id);
                await GuardedAsync(() => SendInteractionAsync(body, throwOnFailure: false, CancellationToken.None), 1);
            }
            if (!more && reader.Completion.IsCompleted && waiting.Count == 0)
            {
                return;
            }
        }
    }

    /// <summary>False when the queue was completed and is empty (the client is closing).</summary>
    private async Task<bool> WaitForWorkAsync(ChannelReader<Work> reader, TimeSpan? timeout = null)
    {
        try
        {
            using var timer = new CancellationTokenSource(timeout ?? _options.InteractionWait);
            return await reader.WaitToReadAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            return true; // time to look at the waiting interactions
        }
    }

    /// <summary>The sender outlives anything a send throws (it settles its items on every path it foresees): the items are counted dropped.</summary>
    private async Task GuardedAsync(Func<Task> send, int count)
    {
        try
        {
            await send();
        }
        catch (Exception)
        {
            Settle(delivered: 0, dropped: count, settled: count);
        }
    }

    private async Task SendBatchAsync(IReadOnlyList<FeedbackBody> items, bool throwOnFailure, CancellationToken cancellationToken)
    {
        if (!TrySerialize(new BatchBody(items), out var payload))
        {
            // An item's value cannot be written as JSON (a cycle, a delegate): it alone is dropped, the others go.
            if (throwOnFailure)
            {
                throw new FeedbackClientException("The feedback holds a value that cannot be written as JSON.");
            }
            var kept = items.Where(item => TrySerialize(item, out _)).ToList();
            var dropped = items.Where(item => !kept.Contains(item, ReferenceEqualityComparer.Instance)).ToList();
            Settle(delivered: 0, dropped: dropped.Count, settled: dropped.Count);
            await SendOrphanedInteractionsAsync(dropped, kept, cancellationToken);
            items = kept;
            if (items.Count == 0)
            {
                return;
            }
            payload = JsonSerializer.SerializeToUtf8Bytes(new BatchBody(items), Json);
        }
        var result = await RetryingAsync(() => PostAsync("api/v1/feedback/batch", payload, cancellationToken), cancellationToken);
        if (result is { IsSuccessStatusCode: true })
        {
            var answer = await result.Content.ReadFromJsonAsync<BatchResult>(Json, cancellationToken);
            var stored = answer?.Items.Count(i => i.Status is 200 or 202) ?? 0;
            Settle(delivered: stored, dropped: items.Count - stored, settled: items.Count);
            if (throwOnFailure && stored < items.Count)
            {
                throw new FeedbackClientException($"The server refused the feedback: {await result.Content.ReadAsStringAsync(cancellationToken)}");
            }
            if (stored < items.Count)
            {
                var refused = answer!.Items.First(i => i.Status is not (200 or 202));
                _warnings.Warn($"item {refused.Status}", $"the dashboard refused {items.Count - stored} feedback item(s) (the first with {refused.Status}): {await result.Content.ReadAsStringAsync(cancellationToken)}");
            }
            return;
        }
        Settle(delivered: 0, dropped: items.Count, settled: items.Count);
        var why = await DropWarnings.WhyAsync(result, cancellationToken);
        if (throwOnFailure)
        {
            throw new FeedbackClientException($"Sending the feedback failed: {why}");
        }
        _warnings.Warn($"batch {(int?)result?.StatusCode}", $"{items.Count} feedback item(s) dropped: {why}");
    }

    /// <summary>An interaction that travelled inline with a dropped item, and with no item kept, is still sent (it was counted settled).</summary>
    private async Task SendOrphanedInteractionsAsync(List<FeedbackBody> dropped, List<FeedbackBody> kept, CancellationToken cancellationToken)
    {
        var carried = kept.Select(item => item.Interaction?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var interaction in dropped.Select(item => item.Interaction).OfType<InteractionBody>())
        {
            if (!carried.Add(interaction.Id))
            {
                continue;
            }
            var result = await RetryingAsync(() => PostAsync("api/v1/interactions", JsonSerializer.SerializeToUtf8Bytes(interaction, Json), cancellationToken), cancellationToken);
            if (result is not { IsSuccessStatusCode: true })
            {
                Settle(delivered: 0, dropped: 1, settled: 0);
            }
        }
    }

    private static bool TrySerialize<T>(T value, out byte[] payload)
    {
        try
        {
            payload = JsonSerializer.SerializeToUtf8Bytes(value, Json);
            return true;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            payload = [];
            return false;
        }
    }

    private async Task SendInteractionAsync(InteractionBody body, bool throwOnFailure, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(body, Json);
        var result = await RetryingAsync(() => PostAsync("api/v1/interactions", payload, cancellationToken), cancellationToken);
        var ok = result is { IsSuccessStatusCode: true };
        if (!throwOnFailure)
        {
            Settle(delivered: 0, dropped: ok ? 0 : 1, settled: 1);
        }
        if (ok)
        {
            return;
        }
        var why = await DropWarnings.WhyAsync(result, cancellationToken);
        if (throwOnFailure)
        {
            throw new FeedbackClientException($"Recording the interaction failed: {why}");
        }
        _warnings.Warn($"interaction {(int?)result?.StatusCode}", $"an interaction was dropped: {why}");
    }

    private Task<HttpResponseMessage> PostAsync(string path, byte[] payload, CancellationToken cancellationToken)
    {
        // Serialized up front: a body with its length, not chunked, which the server reads in one go.
        var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.BaseUrl!, path)) { Content = content };
        request.Headers.Add("X-Api-Key", _options.ApiKey);
        return _http.SendAsync(request, cancellationToken);
    }

    /// <summary>Tries until an answer that is not busy (429, 503) nor a server error, honouring Retry-After; null when every try failed.</summary>
    private async Task<HttpResponseMessage?> RetryingAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var delay = _options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage? response = null;
            try
            {
                response = await send();
                if (!IsRetryable(response.StatusCode))
                {
                    return response;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The HttpClient's timeout.
            }
            if (attempt >= _options.MaxAttempts)
            {
                return response;
            }
            var wait = response?.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - DateTimeOffset.UtcNow,
                _ => delay,
            };
            await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private void Settle(int delivered, int dropped, int settled)
    {
        Interlocked.Add(ref _delivered, delivered);
        Interlocked.Add(ref _dropped, dropped);
        Interlocked.Add(ref _settled, settled);
        TaskCompletionSource done;
        lock (_progressGate)
        {
            done = _progress;
            _progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        done.TrySetResult();
    }

    private static string Wire(FeedbackType type) => type.ToString().ToLowerInvariant();

    private static string Wire(CorrectionKind kind) => kind.ToString().ToLowerInvariant();

    private static FeedbackClientOptions Configure(FeedbackClientOptions options, Uri? baseUrl, string? apiKey)
    {
        options.BaseUrl = baseUrl ?? options.BaseUrl;
        options.ApiKey = apiKey ?? options.ApiKey;
        return options;
    }

    /// <summary>Sends what is queued (waiting at most 10 s), then stops the sender.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        using (var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await FlushAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        _queue.Writer.TryComplete();
        await _sender.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private sealed record Work(InteractionBody? Interaction, FeedbackBody? Feedback, DateTimeOffset At)
    {
        public static readonly Work FlushMarker = new(null, null, default);

        public bool IsFlushMarker => ReferenceEquals(this, FlushMarker);
    }
}

/// <summary>A call in synchronous mode that the server refused or never answered.</summary>
public sealed class FeedbackClientException(string message) : Exception(message);
