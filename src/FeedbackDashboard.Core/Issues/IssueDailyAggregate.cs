namespace FeedbackDashboard.Core.Issues;

/// <summary>
/// How many of an issue's members arrived on one UTC day from one source: frequencies and trends of
/// any window and source are read from these, kept up to date as items join, never from raw rows.
/// </summary>
public sealed class IssueDailyAggregate
{
    public long IssueClusterId { get; init; }
    public DateOnly Day { get; init; }
    public required string Source { get; init; }
    public int Count { get; set; }
}
