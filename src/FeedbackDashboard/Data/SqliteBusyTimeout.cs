namespace FeedbackDashboard.Data;

/// <summary>
/// Lets SQLite itself wait out another writer's lock (its busy handler retries within a few
/// milliseconds), instead of the provider's retry loop, which sleeps 150 ms at a time: with the
/// ingest writer and the pipeline taking turns, that sleep was most of a review task's push latency.
/// </summary>
public sealed class SqliteBusyTimeout(int milliseconds) : SqliteConnectionPragma
{
    protected override string Pragma => $"PRAGMA busy_timeout = {milliseconds};";
}
