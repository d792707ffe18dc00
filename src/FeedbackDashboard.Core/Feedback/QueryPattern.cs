namespace FeedbackDashboard.Core.Feedback;

/// <summary>A group of interactions that ask the same thing; triggers watch each pattern.</summary>
public sealed class QueryPattern
{
    public required string Key { get; init; }

    /// <summary>The first query seen for the pattern, shown to reviewers.</summary>
    public required string RepresentativeQuery { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
