namespace FeedbackDashboard.Client;

/// <summary>
/// Sends interactions and feedback to FeedbackDashboard and reads back what it published. The
/// record and send calls never throw into the application's request path and never block it: they
/// queue (bounded), and a background sender delivers in batches with retries. Set
/// <see cref="FeedbackClientOptions.Synchronous"/> to send inside each call instead.
/// </summary>
public interface IFeedbackClient : IAsyncDisposable
{
    /// <summary>Records one question and answer under the application's own id.</summary>
    ValueTask RecordInteractionAsync(string id, string query, string? response = null, string? source = null, string? pattern = null,
        IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a user's feedback on an interaction: a thumbs-up (<see cref="FeedbackType.Positive"/>) or down, a rating
    /// (<paramref name="value"/> 1-5) or a correction (<paramref name="value"/> the corrected text, with its kind).
    /// <paramref name="id"/> is the idempotency key; when omitted the client makes one, so a retry never doubles anything.
    /// </summary>
    /// <returns>The item's idempotency key.</returns>
    ValueTask<string> SendFeedbackAsync(string interactionId, FeedbackType type, object? value = null, string? comment = null,
        CorrectionKind? correctionKind = null, string? id = null, CancellationToken cancellationToken = default);

    /// <summary>Waits until everything queued so far was delivered (or given up on).</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);

    /// <summary>The knowledge entries of a source and the shared ones; a 304 answers from the client's cache.</summary>
    Task<IReadOnlyList<KnowledgeEntry>> KnowledgeAsync(string? source = null, CancellationToken cancellationToken = default);

    /// <summary>The published instructions of a source, or null when none are; a 304 answers from the cache.</summary>
    Task<InstructionsVersion?> InstructionsAsync(string source, CancellationToken cancellationToken = default);

    /// <summary>Items dropped: the queue was full, the server refused them (4xx), or every retry failed.</summary>
    long Dropped { get; }

    /// <summary>Items the server stored (or had stored already, for a replayed id).</summary>
    long Delivered { get; }
}
